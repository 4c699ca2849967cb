package dev.graft.loader.cache;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The file locks by which processes (and runtimes of one JVM) share a library cache folder.
 *
 * <ul>
 *   <li>The <em>folder lock</em>, an exclusive lock on {@code .lock} in the folder, is held while a
 *       jar is put in place and leased, and while the folder is purged, so that no purge runs
 *       between the moment a jar is in place and the moment its user holds its lease.
 *   <li>A <em>lease</em>, a shared lock on the jar itself, is held as long as a plugin uses the jar.
 *       A purge deletes a jar only after taking an exclusive lock on it, which a lease held by any
 *       process prevents; a jar leased elsewhere is never replaced either.
 * </ul>
 *
 * One JVM cannot hold two locks on one file ({@link OverlappingFileLockException}), and on POSIX
 * closing any channel to a file drops the process's locks on it, so every lock is taken through
 * one registry per JVM and folder: the lock file is opened, locked and closed by one thread at a
 * time, and each leased jar has one channel and one shared lock, counted by the runtimes that use
 * it. (The registry keeps an entry per folder for the JVM's life: a host has one or a few.)
 */
final class CacheLocks {

    private static final Map<Path, CacheLocks> FOLDERS = new ConcurrentHashMap<>();

    private final Path folder;
    private final Path lockFile;
    private final ReentrantLock jvm = new ReentrantLock();
    private final Map<Path, Lease> leases = new HashMap<>(); // guarded by itself

    private CacheLocks(Path dir) {
        this.folder = dir;
        this.lockFile = dir.resolve(".lock");
    }

    /** @return the locks of a cache folder, shared by every runtime of this JVM that uses it */
    static CacheLocks of(Path dir) {
        return FOLDERS.computeIfAbsent(dir.toAbsolutePath().normalize(), CacheLocks::new);
    }

    /** Work done under the folder lock. */
    interface Locked<T> {
        T run() throws IOException;
    }

    /**
     * Runs under the folder lock, waiting for other threads and processes to release it.
     *
     * @param work what to run
     * @return what it returns
     * @throws IOException if the lock file cannot be opened or locked, or the work fails
     */
    <T> T locked(Locked<T> work) throws IOException {
        jvm.lock();
        // one channel at a time, opened under the JVM's lock: closing it cannot drop another's lock
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS); FileLock held = channel.lock()) {
            return work.run();
        } finally {
            jvm.unlock();
        }
    }

    /**
     * Leases a jar for one user (under the folder lock): a shared lock that keeps every purge away.
     *
     * @param jar the jar, a regular file (a symbolic link is not opened)
     * @return the lease, which the user closes once
     * @throws IOException if the jar cannot be opened or locked
     */
    Lease lease(Path file) throws IOException {
        Path jar = key(file);
        synchronized (leases) {
            Lease lease = leases.get(jar);
            if (lease == null) {
                FileChannel c = FileChannel.open(jar, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                try {
                    lease = new Lease(jar, c, c.lock(0, Long.MAX_VALUE, true));
                } catch (IOException | RuntimeException e) {
                    c.close();
                    throw e;
                }
                leases.put(jar, lease);
            }
            lease.users++;
            return lease;
        }
    }

    /** @return whether a runtime of this JVM holds a lease on the jar */
    boolean leasedHere(Path jar) {
        synchronized (leases) {
            return leases.containsKey(key(jar));
        }
    }

    /**
     * Whether another process holds a lease on a jar that this JVM does not lease: an exclusive
     * lock on it cannot be had.
     *
     * @param jar a regular file
     * @return whether it is leased elsewhere
     * @throws IOException if it cannot be opened
     */
    boolean leasedElsewhere(Path jar) throws IOException {
        try (FileChannel c = FileChannel.open(jar, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock probe = c.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** The registry's name of a jar of this folder, however the caller spelt the folder. */
    private Path key(Path jar) {
        return folder.resolve(jar.getFileName());
    }

    /** A shared lock on one jar, counted by the runtimes of this JVM that use it. */
    final class Lease {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;
        private int users; // guarded by leases

        private Lease(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        /** @return the leased jar */
        Path file() {
            return file;
        }

        /** @return the channel that holds the lease, to read the jar it locks */
        FileChannel channel() {
            return channel;
        }

        /** One user is done with the jar; the last one releases the lock. */
        void release() throws IOException {
            synchronized (leases) {
                if (--users > 0) {
                    return;
                }
                leases.remove(file);
                // still under the registry's lock: a new lease on this file waits until it is released
                try (Closeable c = channel) {
                    lock.release();
                }
            }
        }
    }
}
