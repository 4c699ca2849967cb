package dev.graft.loader.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Small tmpfs mounts for tests of full and read-only file systems. Mounting needs root; where it
 * is refused, the test that asked is skipped (an assumption), not failed.
 */
public final class Mounts implements AutoCloseable {

    private final List<Path> mounted = new ArrayList<>();

    /**
     * Mounts a tmpfs.
     *
     * @param dir the mount point, created if missing
     * @param options the tmpfs options, such as {@code size=64k,mode=0700} or {@code ro,...}
     * @return {@code dir}
     */
    public Path tmpfs(Path dir, String options) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int exit = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString());
        assumeTrue(exit == 0, "cannot mount a tmpfs here (not root?)");
        mounted.add(dir);
        return dir;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** Unmounts what this instance mounted. */
    @Override
    public void close() throws IOException, InterruptedException {
        for (Path dir : mounted) {
            run("umount", dir.toString());
        }
        mounted.clear();
    }
}
