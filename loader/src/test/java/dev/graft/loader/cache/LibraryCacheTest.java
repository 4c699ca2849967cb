package dev.graft.loader.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.ArchiveLimits;
import dev.graft.loader.archive.ArchiveException;
import dev.graft.loader.testing.TestPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryCacheTest {

    @TempDir
    Path tmp;

    private Path zipWith(String name, int size) {
        byte[] content = new byte[size];
        new java.util.Random(name.hashCode()).nextBytes(content);
        Path jar = TestPlugin.Jars.write(tmp.resolve(name + ".jar"), Map.of("data.bin", content), null);
        Path zip = tmp.resolve(name + ".zip");
        try {
            TestPlugin.Jars.write(zip, Map.of("lib/" + name + ".jar", Files.readAllBytes(jar)), null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return zip;
    }

    private static Budget budget() {
        return new Budget(ArchiveLimits.DEFAULT, "test");
    }

    @Test
    void extractsUnderTheContentHashAndReusesIt() throws Exception {
        Path zip = zipWith("a", 1000);
        LibraryCache cache = new LibraryCache(tmp.resolve("cache"), 1 << 20);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Path first = cache.extract(z, z.getEntry("lib/a.jar"), "a.zip!/lib/a.jar", budget()).file();
            Path second = cache.extract(z, z.getEntry("lib/a.jar"), "a.zip!/lib/a.jar", budget()).file();
            assertEquals(first, second);
            assertArrayEquals(z.getInputStream(z.getEntry("lib/a.jar")).readAllBytes(), Files.readAllBytes(first));
            String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(first)));
            assertEquals(expected + ".jar", first.getFileName().toString());
        }
        try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
            assertEquals(1, files.filter(f -> !f.endsWith(".lock")).count(), "no temporary file is left behind");
        }
    }

    @Test
    void concurrentExtractorsOfTheSameJarAgree() throws Exception {
        Path zip = zipWith("shared", 200_000);
        Path dir = tmp.resolve("cache");
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Path>> results = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            // a cache and a zip handle per worker, as separate processes would have
            results.add(pool.submit(() -> {
                LibraryCache cache = new LibraryCache(dir, 1 << 30);
                try (ZipFile z = new ZipFile(zip.toFile())) {
                    go.await();
                    try (LibraryCache.Jar jar = cache.extract(z, z.getEntry("lib/shared.jar"), "shared", budget());
                            ZipFile check = new ZipFile(jar.file().toFile())) {
                        assertEquals(200_000, check.getInputStream(check.getEntry("data.bin")).readAllBytes().length);
                        return jar.file();
                    }
                }
            }));
        }
        go.countDown();
        Set<Path> paths = new HashSet<>();
        for (Future<Path> f : results) {
            paths.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, paths.size());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.filter(f -> !f.endsWith(".lock")).count());
        }
    }

    @Test
    void purgesTheLeastRecentlyUsedJarsButNeverOnesInUse() throws Exception {
        LibraryCache cache = new LibraryCache(tmp.resolve("cache"), 2500);
        List<Path> extracted = new ArrayList<>();
        for (String name : List.of("old", "middle", "inuse", "new")) {
            try (ZipFile z = new ZipFile(zipWith(name, 1000).toFile())) {
                LibraryCache.Jar jar = cache.extract(z, z.getEntry("lib/" + name + ".jar"), name, budget());
                extracted.add(jar.file());
                if (!name.equals("inuse")) {
                    jar.close();
                }
            }
        }
        long now = System.currentTimeMillis();
        for (int i = 0; i < extracted.size(); i++) {
            Files.setLastModifiedTime(extracted.get(i), FileTime.fromMillis(now - 100_000 + i * 1000L));
        }
        Files.setLastModifiedTime(extracted.get(2), FileTime.fromMillis(now - 500_000));
        List<Path> deleted = cache.purge();
        assertEquals(List.of(extracted.get(0), extracted.get(1)), deleted, "oldest first, skipping the one in use");
        assertTrue(Files.exists(extracted.get(2)));
        assertTrue(Files.exists(extracted.get(3)));
        assertFalse(Files.exists(extracted.get(0)));
    }

    @Test
    void enforcesThePerPluginBudgetOnRealBytes() throws Exception {
        Path zip = zipWith("big", 50_000);
        LibraryCache cache = new LibraryCache(tmp.resolve("cache"), 1 << 30);
        Budget small = new Budget(new ArchiveLimits(100, 10_000, 10_000), "big.zip");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ArchiveException e = assertThrows(ArchiveException.class,
                    () -> cache.extract(z, z.getEntry("lib/big.jar"), "big.zip!/lib/big.jar", small));
            assertEquals("big.zip!/lib/big.jar is larger than the limit of 10000 bytes uncompressed; raise"
                    + " PluginRuntime.Builder.archiveLimits if it is genuine", e.getMessage());
        }
        try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
            assertEquals(0, files.filter(f -> !f.endsWith(".lock")).count(), "nothing half-written remains");
        }
    }

    @Test
    void aCachedJarIsKeptOnlyWhenItsContentHasItsNameEvenWhileAnotherProcessLeasesIt() throws Exception {
        Path zip = zipWith("leased", 1000);
        LibraryCache cache = new LibraryCache(tmp.resolve("cache"), 1 << 30);
        Path target;
        try (ZipFile z = new ZipFile(zip.toFile()); LibraryCache.Jar jar = cache.extract(z, z.getEntry("lib/leased.jar"),
                "leased.zip!/lib/leased.jar", budget())) {
            target = jar.file();
        }
        byte[] real = Files.readAllBytes(target);
        try (var otherProcess = dev.graft.loader.testing.LockHolder.start(target)) {
            Object before = fileKey(target);
            try (ZipFile z = new ZipFile(zip.toFile()); LibraryCache.Jar jar = cache.extract(z, z.getEntry("lib/leased.jar"),
                    "leased.zip!/lib/leased.jar", budget())) {
                assertEquals(before, fileKey(jar.file()), "a jar whose content has its name is kept");
            }
            byte[] tampered = real.clone();
            tampered[tampered.length / 2] ^= 1;
            Files.write(target, tampered);
            try (ZipFile z = new ZipFile(zip.toFile()); LibraryCache.Jar jar = cache.extract(z, z.getEntry("lib/leased.jar"),
                    "leased.zip!/lib/leased.jar", budget())) {
                assertArrayEquals(real, Files.readAllBytes(jar.file()), "a tampered jar of the same size is replaced");
                assertFalse(before.equals(fileKey(jar.file())));
            }
        }
    }

    @Test
    void aHitMarksTheJarAsJustUsedForThePurgeOrder() throws Exception {
        Path zip = zipWith("used", 1000);
        LibraryCache cache = new LibraryCache(tmp.resolve("cache"), 1 << 30);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Path jar;
            try (LibraryCache.Jar first = cache.extract(z, z.getEntry("lib/used.jar"), "used", budget())) {
                jar = first.file();
            }
            FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
            Files.setLastModifiedTime(jar, old);
            try (LibraryCache.Jar again = cache.extract(z, z.getEntry("lib/used.jar"), "used", budget())) {
                assertTrue(Files.getLastModifiedTime(again.file()).compareTo(old) > 0);
            }
        }
    }

    private static Object fileKey(Path file) throws java.io.IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    @Test
    void theDefaultFolderIsThePluginFoldersOrTheUsersNeverTheTemporaryFolder() {
        assertEquals(Path.of("/p/.graft-cache"), CacheFolder.defaultFolder(Path.of("/p"), "/x", "/home/u"));
        assertEquals(Path.of("/x/graft"), CacheFolder.defaultFolder(null, "/x", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/graft"), CacheFolder.defaultFolder(null, null, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/graft"), CacheFolder.defaultFolder(null, "relative", "/home/u"),
                "XDG_CACHE_HOME must be absolute to count");
        assertEquals(Path.of("/home/u/.cache/graft"), CacheFolder.defaultFolder(null, "", "/home/u"));
    }

    @Test
    void cacheFailuresAreNamedInWords() {
        assertTrue(CacheFolder.cause(new java.io.IOException("No space left on device")).startsWith("the disk is full"));
        assertTrue(CacheFolder.cause(new java.nio.file.FileSystemException("/c/x", null, "Read-only file system"))
                .startsWith("the file system is read-only"));
        assertTrue(CacheFolder.cause(new java.nio.file.AccessDeniedException("/c/x")).startsWith("the folder is not writable"));
        assertTrue(CacheFolder.cause(new java.nio.file.FileAlreadyExistsException("/c")).startsWith("a file is where"));
        assertEquals("IOException: Input/output error", CacheFolder.cause(new java.io.IOException("Input/output error")));
    }
}
