package dev.graft.loader.cache;

import dev.graft.loader.archive.ArchiveException;
import dev.graft.loader.archive.BoundedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;

/**
 * Where the jars bundled in a plugin zip's {@code lib/} are extracted, each under its own name and
 * the SHA-256 of its content ({@code <name>-<sha256>.jar}, {@link CacheName}), so that the JDK can
 * open them as jars.
 *
 * <p>The folder is a trust boundary: whoever can write it chooses what plugins run. So it is
 * checked before use ({@link CacheFolder}: the host's user's own, writable by no one else, not a
 * symbolic link), and a cached jar is used only when its content is what Graft would extract:
 * every load hashes each bundled entry as it reads it; a cached jar of that name is used only if it
 * has that size and its own bytes hash to its name, and otherwise the entry is written to a fresh
 * temporary file, hashed again, and renamed over the name atomically (a planted file or symbolic
 * link of that name is replaced, never opened). A cache hit writes nothing.
 *
 * <p>Several processes may share the folder ({@link CacheLocks}): each holds a lease (a shared file
 * lock) on the jars it uses, and {@link #purge()} deletes the least recently used jars beyond
 * {@code maxBytes} only when no process holds one, and temporary files that a killed process left.
 * {@code docs/class-loading.md} records why Graft extracts rather than reading nested jars in place.
 */
public final class LibraryCache {

    static final String SUFFIX = ".jar";
    static final String TEMP_PREFIX = "extract-";
    static final String TEMP_SUFFIX = ".tmp";
    /** A temporary file not written for this long belongs to a process that died. */
    static final Duration STALE_TEMP = Duration.ofMinutes(10);

    private final Path dir;
    private final long maxBytes;
    private final CacheFolder folder;
    private volatile boolean secured;

    /**
     * @param dir the cache directory, created on first use
     * @param maxBytes the size above which {@link #purge()} deletes old jars
     */
    public LibraryCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.folder = new CacheFolder(dir);
    }

    /**
     * The cache folder of a runtime that was given none: {@code .graft-cache} in the first plugin
     * folder, else the user's own cache folder ({@code $XDG_CACHE_HOME/graft} or
     * {@code ~/.cache/graft}); never the shared temporary folder.
     *
     * @param firstPluginFolder the first plugin folder, or {@code null} if there is none
     * @return the folder
     */
    public static Path defaultDirectory(Path firstPluginFolder) {
        return CacheFolder.defaultFolder(firstPluginFolder, System.getenv("XDG_CACHE_HOME"),
                System.getProperty("user.home"));
    }

    /** @return the cache directory */
    public Path directory() {
        return dir;
    }

    /** Creates and checks the folder once; a folder that fails the check is checked again next time. */
    private void secure() throws IOException {
        if (!secured) {
            synchronized (this) {
                if (!secured) {
                    folder.secure();
                    secured = true;
                }
            }
        }
    }

    /**
     * Extracts one entry of a zip and leases the jar, which stays in place until the lease is closed.
     *
     * @param zip the open plugin zip
     * @param entry the {@code lib/*.jar} entry
     * @param display how messages name the entry
     * @param budget what may still be inflated for this plugin
     * @return the leased jar; closing it ends the lease
     * @throws IOException if the entry cannot be read, breaks a limit, or cannot be written, or the
     *     cache folder cannot be trusted (naming the folder, the entry and the cause)
     */
    public Jar extract(java.util.zip.ZipFile zip, ZipEntry entry, String display, Budget budget) throws IOException {
        try {
            secure();
        } catch (IOException e) {
            throw new ArchiveException("cannot extract " + display + ": " + e.getMessage(), e);
        }
        try {
            MessageDigest sha = sha256();
            long size;
            try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
                size = BoundedReader.copy(in, OutputStream.nullOutputStream(), budget.remaining(display), display);
            }
            budget.spend(size, display);
            String name = CacheName.of(entry.getName(), HexFormat.of().formatHex(sha.digest()));
            Path target = dir.resolve(name);
            CacheLocks.Lease cached = CacheLocks.of(dir).locked(() -> leaseIfCached(target, size));
            if (cached != null) {
                touch(cached.file()); // outside the lock, for the purge's order
                return new Jar(cached);
            }
            return new Jar(extractAndInstall(zip, entry, display, name, size));
        } catch (ArchiveException | java.util.zip.ZipException | java.io.EOFException e) {
            throw e; // the entry is bad, not the cache folder: the caller names the entry (a write never ends in EOF)
        } catch (IOException e) {
            throw new ArchiveException("cannot extract " + display + " into the library cache folder " + dir + ": "
                    + CacheFolder.cause(e), e);
        }
    }

    /**
     * A miss: writes the entry to a temporary file of its own, hashed again while written, and
     * installs it under its name (outside the folder lock but for the rename, so extractions run
     * in parallel).
     */
    private CacheLocks.Lease extractAndInstall(java.util.zip.ZipFile zip, ZipEntry entry, String display, String name,
            long size) throws IOException {
        Path tmp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
        try {
            MessageDigest sha = sha256();
            long written;
            try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha);
                    OutputStream out = Files.newOutputStream(tmp)) {
                written = BoundedReader.copy(in, out, size, display);
            }
            if (written != size || !HexFormat.of().formatHex(sha.digest()).equals(CacheName.hashOf(name))) {
                throw new ArchiveException(display + " read differently twice (" + size + " then " + written + " bytes)");
            }
            CacheLocks.Lease lease = CacheLocks.of(dir).locked(() -> install(tmp, size, dir.resolve(name)));
            if (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
                touch(lease.file()); // another extraction put it there meanwhile: it was used
            }
            return lease;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Under the folder lock: a lease on the jar named {@code target} if it is already there with
     * exactly the content of that name, else {@code null}. A jar this JVM leases is the file it put
     * there; any other file of that name is used only if its size and SHA-256 are those of the
     * entry (hashed through the lease's own channel, so what is checked is what stays leased).
     */
    private static CacheLocks.Lease leaseIfCached(Path target, long size) throws IOException {
        CacheLocks locks = CacheLocks.of(target.getParent());
        if (locks.leasedHere(target)) {
            return locks.lease(target);
        }
        BasicFileAttributes existing = attributes(target);
        if (existing != null && existing.isRegularFile() && existing.size() == size) {
            CacheLocks.Lease lease = locks.lease(target);
            if (matchesName(lease)) {
                return lease;
            }
            lease.release();
        }
        return null;
    }

    /**
     * Under the folder lock: leases the jar named {@code target}, putting the freshly extracted file
     * there unless a jar with exactly that content is there already ({@link #leaseIfCached}: another
     * extraction may have put it there since this one looked); anything else of that name (a planted
     * jar, a symbolic link) is replaced.
     */
    private CacheLocks.Lease install(Path fresh, long size, Path target) throws IOException {
        CacheLocks.Lease cached = leaseIfCached(target, size);
        if (cached != null) {
            return cached;
        }
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return CacheLocks.of(dir).lease(target);
    }

    /**
     * Marks a leased jar as just used, for the purge's order. Through {@link java.io.File}, which
     * sets the time by path: {@code Files.setLastModifiedTime} opens and closes the file, and on
     * POSIX closing any descriptor of a file drops every lock the process holds on it, the lease
     * included. If it fails, only the purge order suffers.
     */
    private static void touch(Path file) {
        file.toFile().setLastModified(System.currentTimeMillis());
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Whether a leased jar's content hashes to the hash in its file name. */
    private static boolean matchesName(CacheLocks.Lease lease) throws IOException {
        MessageDigest sha = sha256();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16);
        long position = 0;
        for (int n; (n = lease.channel().read(buffer, position)) > 0; position += n) {
            buffer.flip();
            sha.update(buffer);
            buffer.clear();
        }
        return HexFormat.of().formatHex(sha.digest()).equals(CacheName.hashOf(lease.file().getFileName().toString()));
    }

    /**
     * Deletes the least recently used jars until the directory is within its bound, never one
     * that a process leases, and the temporary files of extractions that stopped long ago. Symbolic
     * links and other files named like jars are not the cache's and are deleted. Jars of the earlier
     * layout, named by their hash alone, are never used again, and are deleted whatever the bound,
     * unless a process (an older Graft) leases them.
     *
     * @return the jars deleted
     * @throws IOException if the directory cannot be trusted, listed or locked
     */
    public List<Path> purge() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        secure();
        if (!scan().needsPurge(maxBytes)) {
            return List.of(); // the common case takes no lock
        }
        return CacheLocks.of(dir).locked(() -> purgeLocked(scan()));
    }

    private CacheContents scan() throws IOException {
        return CacheContents.scan(dir, FileTime.from(Instant.now().minus(STALE_TEMP)));
    }

    private List<Path> purgeLocked(CacheContents contents) throws IOException {
        List<Path> deleted = new ArrayList<>();
        for (Path stray : contents.strays()) {
            if (Files.deleteIfExists(stray) && stray.getFileName().toString().endsWith(SUFFIX)) {
                deleted.add(stray);
            }
        }
        CacheLocks locks = CacheLocks.of(dir);
        for (Path legacy : contents.legacy()) {
            if (!locks.leasedHere(legacy) && !leasedElsewhere(locks, legacy) && Files.deleteIfExists(legacy)) {
                deleted.add(legacy);
            }
        }
        long total = contents.total();
        for (CacheContents.Cached c : contents.jars()) {
            if (total <= maxBytes) {
                break;
            }
            if (!locks.leasedHere(c.path()) && !leasedElsewhere(locks, c.path())
                    && Files.deleteIfExists(c.path())) {
                total -= c.size();
                deleted.add(c.path());
            }
        }
        return deleted;
    }

    private static boolean leasedElsewhere(CacheLocks locks, Path jar) {
        try {
            return locks.leasedElsewhere(jar);
        } catch (IOException e) {
            return true; // gone, or not ours to judge: left alone
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A jar of the cache, leased while a plugin uses it. */
    public static final class Jar implements java.io.Closeable {
        private final CacheLocks.Lease lease;
        private boolean closed;

        private Jar(CacheLocks.Lease lease) {
            this.lease = lease;
        }

        /** @return the jar's file in the cache folder */
        public Path file() {
            return lease.file();
        }

        /** Ends this use of the jar; a purge may delete it once no process uses it. */
        @Override
        public synchronized void close() throws IOException {
            if (!closed) {
                closed = true;
                lease.release();
            }
        }
    }

}
