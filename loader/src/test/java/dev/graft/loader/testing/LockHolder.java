package dev.graft.loader.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Another process that holds a shared file lock, as another Graft process's lease on a cached jar:
 * {@link #start(Path)} returns once the child holds it; closing ends the child.
 */
public final class LockHolder implements AutoCloseable {

    private final Process process;

    private LockHolder(Process process) {
        this.process = process;
    }

    /**
     * Starts a JVM that takes a shared lock on a file and holds it until its input closes.
     *
     * @param file the file to lock
     * @return the holder, once the lock is held
     */
    public static LockHolder start(Path file) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int first = p.getInputStream().read();
        if (first != 'L') {
            p.destroyForcibly();
            throw new IOException("the lock holder did not lock " + file);
        }
        return new LockHolder(p);
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        process.waitFor();
    }

    /**
     * The child: locks {@code args[0]} shared, writes {@code L}, waits for its input to close.
     *
     * @param args the file
     */
    public static void main(String[] args) throws IOException {
        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ);
                FileLock lock = c.lock(0, Long.MAX_VALUE, true)) {
            System.out.print('L');
            System.out.flush();
            while (System.in.read() >= 0) {
                // held until the parent closes our input
            }
        }
    }
}
