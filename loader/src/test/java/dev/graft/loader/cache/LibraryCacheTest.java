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
    void extractsUnderItsOwnNameAndTheContentHashAndReusesIt() throws Exception {
        Path zip = zipWith("a", 1000);
        LibraryCache cache = new LibraryCache(tmp.resolve("cache"), 1 << 20);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Path first = cache.extract(z, z.getEntry("lib/a.jar"), "a.zip!/lib/a.jar", budget()).file();
            Path second = cache.extract(z, z.getEntry("lib/a.jar"), "a.zip!/lib/a.jar", budget()).file();
            assertEquals(first, second);
            assertArrayEquals(z.getInputStream(z.getEntry("lib/a.jar")).readAllBytes(), Files.readAllBytes(first));
            String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(first)));
            assertEquals("a-" + expected + ".jar", first.getFileName().toString(), "its own name, then its hash");
        }
        try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
            assertEquals(1, files.filter(f -> !f.endsWith(".lock")).count(), "no temporary file is left behind");
        }
    }

    /** A zip whose {@code lib/} holds the given entries, each a jar with the given content. */
    private Path zipOf(String zipName, Map<String, String> entries) throws Exception {
        Map<String, byte[]> jars = new java.util.TreeMap<>();
        int i = 0;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            Path jar = TestPlugin.Jars.write(tmp.resolve("content" + i++ + ".jar"),
                    Map.of("data.txt", e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)), null);
            jars.put(e.getKey(), Files.readAllBytes(jar));
        }
        return TestPlugin.Jars.write(tmp.resolve(zipName), jars, null);
    }

    private static String hash(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    @Test
    void hostileLibraryNamesBecomeSafeFileNamesInTheCacheFolder() throws Exception {
        String longName = "x".repeat(300);
        Map<String, String> hostile = new java.util.LinkedHashMap<>();
        hostile.put("lib/..\\..\\evil.jar", "backslashes");
        hostile.put("lib/...jar", "dots only");
        hostile.put("lib/.jar", "empty");
        hostile.put("lib/.hidden.jar", "hidden");
        hostile.put("lib/a\u0000b\u001b[31mc\nd.jar", "control characters");
        hostile.put("lib/" + longName + ".jar", "long");
        hostile.put("lib/K\u00f6tlin Std$(id).jar", "unicode, space, shell");
        Map<String, String> expected = Map.of(
                "lib/..\\..\\evil.jar", "evil", "lib/...jar", "lib", "lib/.jar", "lib",
                "lib/.hidden.jar", "hidden", "lib/a\u0000b\u001b[31mc\nd.jar", "a_b__31mc_d",
                "lib/" + longName + ".jar", "x".repeat(CacheName.MAX_NAME),
                "lib/K\u00f6tlin Std$(id).jar", "k_tlin_std__id_");
        Path zip = zipOf("hostile.zip", hostile);
        Path dir = tmp.resolve("cache");
        LibraryCache cache = new LibraryCache(dir, 1 << 30);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (String entry : hostile.keySet()) {
                try (LibraryCache.Jar jar = cache.extract(z, z.getEntry(entry), "hostile.zip!/" + entry, budget())) {
                    assertEquals(dir, jar.file().getParent(), entry);
                    assertEquals(expected.get(entry) + "-" + hash(jar.file()) + ".jar", jar.file().getFileName().toString(),
                            entry);
                    try (ZipFile check = new ZipFile(jar.file().toFile())) {
                        assertEquals(hostile.get(entry), new String(check.getInputStream(check.getEntry("data.txt"))
                                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    @Test
    void namesAndContentsAreIndependent() throws Exception {
        // same bytes under two names (and two cases of one name), two contents under one name
        Path first = zipOf("first.zip", Map.of("lib/a.jar", "one", "lib/b.jar", "one", "lib/Kotlin.jar", "one"));
        Path second = zipOf("second.zip", Map.of("lib/a.jar", "two", "lib/kotlin.jar", "one"));
        LibraryCache cache = new LibraryCache(tmp.resolve("cache"), 1 << 30);
        Map<String, Path> files = new java.util.TreeMap<>();
        for (Path zip : List.of(first, second)) {
            try (ZipFile z = new ZipFile(zip.toFile())) {
                for (var e : java.util.Collections.list(z.entries())) {
                    files.put(zip.getFileName() + "!/" + e.getName(), cache.extract(z, e, e.getName(), budget()).file());
                }
            }
        }
        Path a1 = files.get("first.zip!/lib/a.jar");
        assertEquals("a-" + hash(a1) + ".jar", a1.getFileName().toString());
        assertEquals("b-" + hash(a1) + ".jar", files.get("first.zip!/lib/b.jar").getFileName().toString(),
                "the same bytes under another name: a file of that name");
        assertFalse(a1.equals(files.get("second.zip!/lib/a.jar")), "other bytes under the same name: another file");
        assertFalse(hash(a1).equals(hash(files.get("second.zip!/lib/a.jar"))));
        assertEquals(files.get("first.zip!/lib/Kotlin.jar"), files.get("second.zip!/lib/kotlin.jar"),
                "names that differ only in case name one file, even on a case-sensitive file system");
    }

    @Test
    void jarsOfTheHashOnlyLayoutArePurgedOnceNoOneLeasesThem() throws Exception {
        Path dir = tmp.resolve("cache");
        LibraryCache cache = new LibraryCache(dir, 1 << 30);
        Path zip = zipWith("current", 1000);
        Path current;
        try (ZipFile z = new ZipFile(zip.toFile()); LibraryCache.Jar jar = cache.extract(z, z.getEntry("lib/current.jar"),
                "current", budget())) {
            current = jar.file();
        }
        Path free = Files.copy(current, dir.resolve(hash(current) + ".jar"));
        Path leasedElsewhere = Files.write(dir.resolve("0".repeat(64) + ".jar"), new byte[10]);
        Path ownHex = Files.write(dir.resolve("f".repeat(64) + "-" + "e".repeat(64) + ".jar"), new byte[10]);
        try (var otherProcess = dev.graft.loader.testing.LockHolder.start(leasedElsewhere)) {
            assertEquals(List.of(free), cache.purge(), "under the bound, only the old layout's unleased jar goes");
        }
        assertTrue(Files.exists(leasedElsewhere), "a jar of the old layout that an older process leases stays");
        assertTrue(Files.exists(current));
        assertTrue(Files.exists(ownHex), "a library named like a hash is a jar of the current layout");
        assertEquals(List.of(leasedElsewhere), cache.purge(), "and goes once released");
    }

    @Test
    void onlyTheLast64CharactersAfterADashAreTheHash() {
        String h = "ab".repeat(32);
        assertEquals(h, CacheName.hashOf("x-" + h + ".jar"));
        assertEquals(h, CacheName.hashOf(h + ".jar"));
        assertEquals(null, CacheName.hashOf("x" + h + ".jar"));
        assertEquals(null, CacheName.hashOf("x-" + h.toUpperCase(java.util.Locale.ROOT) + ".jar"));
        assertEquals(null, CacheName.hashOf("x-" + h + ".zip"));
        assertTrue(CacheName.isLegacy(h + ".jar"));
        assertFalse(CacheName.isLegacy("x-" + h + ".jar"));
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
