package dev.graft.loader.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a {@link LibraryCache} folder holds, as its purge sees it: the cached jars, least recently
 * used first, and the files that have to go whatever the bound (symbolic links and other
 * non-regular files named like jars, and temporary files of extractions that stopped long ago),
 * and the jars of the earlier, hash-only layout ({@link CacheName#isLegacy}), which no load uses
 * any more. Other files are not the cache's and are left alone.
 *
 * @param jars the cached jars, oldest first
 * @param total their size in bytes
 * @param strays the files to delete in any case
 * @param legacy the jars of the hash-only layout, deleted unless a process leases them
 */
record CacheContents(List<Cached> jars, long total, List<Path> strays, List<Path> legacy) {

    /** A cached jar, with what the purge orders it by. */
    record Cached(Path path, long size, FileTime used) {
    }

    /**
     * Lists a cache folder, following no link.
     *
     * @param dir the folder
     * @param staleBefore a temporary file last written before this is a dead process's
     * @return what it holds
     * @throws IOException if it cannot be listed
     */
    static CacheContents scan(Path dir, FileTime staleBefore) throws IOException {
        List<Cached> jars = new ArrayList<>();
        List<Path> strays = new ArrayList<>();
        List<Path> legacy = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                boolean jar = name.endsWith(LibraryCache.SUFFIX);
                boolean temp = name.startsWith(LibraryCache.TEMP_PREFIX) && name.endsWith(LibraryCache.TEMP_SUFFIX);
                if (!jar && !temp) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // gone meanwhile
                }
                if (!a.isRegularFile() || (temp && a.lastModifiedTime().compareTo(staleBefore) < 0)) {
                    strays.add(f);
                } else if (jar && CacheName.isLegacy(name)) {
                    legacy.add(f);
                } else if (jar) {
                    jars.add(new Cached(f, a.size(), a.lastModifiedTime()));
                    total += a.size();
                }
            }
        }
        jars.sort(Comparator.comparing(Cached::used).thenComparing(Cached::path));
        legacy.sort(null);
        return new CacheContents(jars, total, strays, legacy);
    }

    /** @return whether a purge has anything to do: jars over the bound, strays, or the old layout's jars */
    boolean needsPurge(long maxBytes) {
        return total > maxBytes || !strays.isEmpty() || !legacy.isEmpty();
    }
}
