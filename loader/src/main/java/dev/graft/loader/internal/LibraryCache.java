package dev.graft.loader.internal;

import dev.graft.loader.ArchiveLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;

/**
 * Where the jars bundled in a plugin zip's {@code lib/} are extracted, each under the SHA-256 of
 * its content ({@code <sha256>.jar}), so that the JDK can open them as jars.
 *
 * <p>Safe when several processes share the directory: each extracts to a temporary file of its
 * own and renames it atomically into place; identical content means an identical name, so a
 * rename that replaces another process's file replaces it with the same bytes. The directory is
 * bounded: {@link #purge(Set)} deletes the least recently used jars beyond {@code maxBytes},
 * never one this runtime uses. Anyone who can write the directory can change what plugins run, so
 * it must be writable by the host's user only; the default lies inside the plugin folder.
 * {@code docs/class-loading.md} records why Graft extracts rather than reading nested jars in place.
 */
public final class LibraryCache {

    private static final String SUFFIX = ".jar";

    private final Path dir;
    private final long maxBytes;

    /**
     * @param dir the cache directory, created on first use
     * @param maxBytes the size above which {@link #purge(Set)} deletes old jars
     */
    public LibraryCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** @return the cache directory */
    public Path directory() {
        return dir;
    }

    /**
     * Extracts one entry of a zip, or finds it already extracted.
     *
     * @param zip the open plugin zip
     * @param entry the {@code lib/*.jar} entry
     * @param display how messages name the entry
     * @param budget what may still be inflated for this plugin
     * @return the extracted jar
     * @throws IOException if the entry cannot be read or written, or breaks a limit
     */
    public Path extract(java.util.zip.ZipFile zip, ZipEntry entry, String display, Budget budget) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "extract-", ".tmp");
        try {
            MessageDigest sha = sha256();
            long size;
            try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha);
                    OutputStream out = Files.newOutputStream(tmp)) {
                size = BoundedReader.copy(in, out, budget.remaining(display), display);
            }
            budget.spend(size, display);
            Path target = dir.resolve(HexFormat.of().formatHex(sha.digest()) + SUFFIX);
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                touch(target);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // only the purge order suffers
        }
    }

    /**
     * Deletes the least recently used jars until the directory is within its bound.
     *
     * @param inUse jars this runtime has open, never deleted
     * @return the jars deleted
     * @throws IOException if the directory cannot be listed
     */
    public List<Path> purge(Set<Path> inUse) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        record Cached(Path path, long size, FileTime used) {
        }
        List<Cached> all = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                try {
                    Cached c = new Cached(f, Files.size(f), Files.getLastModifiedTime(f));
                    all.add(c);
                    total += c.size();
                } catch (NoSuchFileException e) {
                    // purged by another process meanwhile
                }
            }
        }
        all.sort(Comparator.comparing(Cached::used).thenComparing(Cached::path));
        List<Path> deleted = new ArrayList<>();
        for (Cached c : all) {
            if (total <= maxBytes) {
                break;
            }
            if (!inUse.contains(c.path()) && Files.deleteIfExists(c.path())) {
                total -= c.size();
                deleted.add(c.path());
            }
        }
        return deleted;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** What may still be inflated from one plugin, against {@link ArchiveLimits#maxTotalBytes()}. */
    public static final class Budget {
        private final ArchiveLimits limits;
        private final String plugin;
        private long spent;

        /**
         * @param limits the limits
         * @param plugin how messages name the plugin
         */
        public Budget(ArchiveLimits limits, String plugin) {
            this.limits = limits;
            this.plugin = plugin;
        }

        long remaining(String display) throws ArchiveException {
            long left = limits.maxTotalBytes() - spent;
            if (left <= 0) {
                throw exceeded(display);
            }
            return Math.min(left, limits.maxEntryBytes());
        }

        void spend(long bytes, String display) throws ArchiveException {
            if (bytes > limits.maxTotalBytes()) {
                throw exceeded(display);
            }
            spent += bytes;
            if (spent > limits.maxTotalBytes()) {
                throw exceeded(display);
            }
        }

        private ArchiveException exceeded(String display) {
            return new ArchiveException(plugin + " inflates to more than the limit of " + limits.maxTotalBytes()
                    + " bytes in all (reached at " + display + ")");
        }
    }
}
