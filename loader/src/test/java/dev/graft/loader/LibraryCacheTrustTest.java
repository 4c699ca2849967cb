package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.Mounts;
import dev.graft.loader.testing.TestPlugin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library cache as a trust boundary: a folder another user owns or can write is refused, a
 * planted jar or link is never run, stale temporary files go, and a cache failure names the folder,
 * the entry and the cause. (Several processes sharing a cache: {@link SharedCacheProcessesTest}.)
 */
class LibraryCacheTrustTest {

    @TempDir
    Path tmp;
    private Path plugins;
    private final Mounts mounts = new Mounts();

    @BeforeEach
    void pluginReadingItsLibrary() throws Exception {
        plugins = Files.createDirectories(tmp.resolve("plugins"));
        reader("reader", "good").zip(plugins);
    }

    @AfterEach
    void unmount() throws Exception {
        mounts.close();
    }

    /** A plugin whose extension returns the text of {@code greeting.txt} in its bundled {@code words.jar}. */
    private Plugins.Spec reader(String id, String greeting) throws java.io.IOException {
        return new Plugins(Files.createDirectories(tmp.resolve("work-" + id))).plugin(id)
                .java(id + ".Reader", "package " + id + ";\npublic class Reader implements " + GREETER + " {\n"
                        + "  public String greet() {\n"
                        + "    try (var in = Reader.class.getClassLoader().getResourceAsStream(\"greeting.txt\")) {\n"
                        + "      return new String(in.readAllBytes());\n"
                        + "    } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }\n"
                        + "  }\n}\n")
                .extension(GREETER, id + ".Reader", 0).library("words.jar", wordsJar(id, greeting));
    }

    private Path wordsJar(String name, String greeting) {
        return TestPlugin.Jars.write(tmp.resolve(name + "-" + greeting + ".jar"),
                Map.of("greeting.txt", greeting.getBytes(StandardCharsets.UTF_8)), null);
    }

    /** The name the cache gives the {@code words.jar} that a plugin zip bundles. */
    private static String cachedName(Path pluginZip) throws Exception {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(pluginZip.toFile())) {
            byte[] jar = zip.getInputStream(zip.getEntry("lib/words.jar")).readAllBytes();
            return "words-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)) + ".jar";
        }
    }

    private static String greetingIn(Path jar) throws Exception {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("greeting.txt")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path ownerOnlyFolder(Path dir) throws Exception {
        return Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    private PluginRuntime runtime(Path cache) {
        return PluginRuntime.builder().pluginDirectory(plugins).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").cache(cache, 1 << 30).build();
    }

    private List<String> greetings(PluginRuntime runtime) {
        return runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList();
    }

    /** Loads with the given cache folder and returns why the reader failed. */
    private String failure(Path cache) {
        try (PluginRuntime runtime = runtime(cache)) {
            PluginStatus s = runtime.plugins().get(0);
            assertEquals(PluginState.FAILED, s.state(), s.toString());
            return s.reason();
        }
    }

    @Test
    void aLibrarysCodeSourceNamesTheLibrary() throws Exception {
        Path kotlin = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "jetbrains", "kotlin",
                "kotlin-stdlib", "2.0.21", "kotlin-stdlib-2.0.21.jar");
        Path dir = Files.createDirectories(tmp.resolve("kotlin"));
        new dev.graft.loader.fixture.Plugins(tmp).plugin("kt").library("kotlin-stdlib-2.0.21.jar", kotlin)
                .java("kt.Hello", dev.graft.loader.fixture.Plugins.greeter("kt.Hello", "hi")).extension(GREETER, "kt.Hello", 0)
                .zip(dir);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(kotlin)));
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").cache(ownerOnlyFolder(tmp.resolve("kcache")), 1 << 30).build()) {
            Class<?> unit = runtime.plugin("kt").orElseThrow().classLoader().loadClass("kotlin.Unit");
            String source = unit.getProtectionDomain().getCodeSource().getLocation().toString();
            assertTrue(source.endsWith("/kotlin-stdlib-2.0.21-" + hash + ".jar"), source);
        }
    }

    @Test
    void aPlantedJarOfTheSameNameAndSizeIsNeverRun() throws Exception {
        Path good = wordsJar("reader", "good");
        Path evil = wordsJar("reader", "evil");
        assertEquals(Files.size(good), Files.size(evil), "the planted jar has the size of the real one");
        Path cache = ownerOnlyFolder(tmp.resolve("cache"));
        Files.copy(evil, cache.resolve(cachedName(plugins.resolve("reader.zip"))));
        try (PluginRuntime runtime = runtime(cache)) {
            assertEquals(List.of("good"), greetings(runtime));
        }
        assertEquals("good", greetingIn(cache.resolve(cachedName(plugins.resolve("reader.zip")))), "the planted file was replaced");
    }

    @Test
    void aPlantedSymbolicLinkNamedLikeTheJarIsReplacedNotFollowed() throws Exception {
        Path good = wordsJar("reader", "good");
        Path evil = wordsJar("reader", "evil");
        Path cache = ownerOnlyFolder(tmp.resolve("cache"));
        Path link = cache.resolve(cachedName(plugins.resolve("reader.zip")));
        Files.createSymbolicLink(link, evil);
        try (PluginRuntime runtime = runtime(cache)) {
            assertEquals(List.of("good"), greetings(runtime));
            assertFalse(Files.isSymbolicLink(link), "the link was replaced by the extracted jar");
        }
        assertEquals("evil", greetingIn(evil), "the link's target is untouched");
    }

    @Test
    void withoutAPluginFolderTheCacheIsTheUsersOwnNotTheSharedTemporaryFolder() throws Exception {
        assumeTrue(System.getenv("XDG_CACHE_HOME") == null, "XDG_CACHE_HOME decides the folder here");
        String home = System.getProperty("user.home");
        Path fakeHome = Files.createDirectories(tmp.resolve("home"));
        System.setProperty("user.home", fakeHome.toString());
        try (PluginRuntime runtime = PluginRuntime.builder().hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build()) {
            runtime.load(plugins.resolve("reader.zip"));
            assertEquals(List.of("good"), greetings(runtime));
        } finally {
            System.setProperty("user.home", home);
        }
        Path cache = fakeHome.resolve(".cache/graft");
        assertTrue(Files.isRegularFile(cache.resolve(cachedName(plugins.resolve("reader.zip")))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        assertFalse(Files.exists(Path.of(System.getProperty("java.io.tmpdir"), ".graft-cache", cachedName(plugins.resolve("reader.zip")))));
    }

    @Test
    void aFolderOthersCanWriteIsRefused() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals("cannot extract reader.zip!/lib/words.jar: the library cache folder " + cache
                + " can be written by other users (permissions rwxrwxrwx); it must be writable by its owner only"
                + " (chmod 700)", failure(cache));
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(0, files.count(), "nothing was written in it");
        }
    }

    @Test
    void aFolderAnotherUserOwnsIsRefused() throws Exception {
        Path cache = ownerOnlyFolder(tmp.resolve("cache"));
        try {
            Files.setOwner(cache, cache.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        } catch (java.io.IOException | UnsupportedOperationException e) {
            assumeTrue(false, "cannot give a folder to another user here (not root?): " + e);
        }
        String reason = failure(cache);
        assertTrue(reason.startsWith("cannot extract reader.zip!/lib/words.jar: the library cache folder " + cache
                + " belongs to nobody, not to "), reason);
    }

    @Test
    void aCacheFolderThatIsASymbolicLinkIsRefused() throws Exception {
        Path real = ownerOnlyFolder(tmp.resolve("elsewhere"));
        Path cache = Files.createSymbolicLink(tmp.resolve("cache"), real);
        assertEquals("cannot extract reader.zip!/lib/words.jar: the library cache folder " + cache
                + " is a symbolic link (to " + real + "); give the real folder instead", failure(cache));
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed() throws Exception {
        Path cache = Files.writeString(tmp.resolve("cache"), "not a folder");
        assertEquals("cannot extract reader.zip!/lib/words.jar: the library cache folder " + cache
                + " is a file, not a folder", failure(cache));
        String reason = failure(cache.resolve("below"));
        assertTrue(reason.startsWith("cannot extract reader.zip!/lib/words.jar: cannot create the library cache folder "
                + cache.resolve("below") + ": a file is where a folder should be"), reason);
    }

    @Test
    void aReadOnlyFolderIsNamed() throws Exception {
        Path cache = mounts.tmpfs(tmp.resolve("ro"), "ro,size=64k,mode=0700");
        String reason = failure(cache);
        assertTrue(reason.startsWith("cannot extract reader.zip!/lib/words.jar into the library cache folder " + cache
                + ": the file system is read-only (FileSystemException: "), reason);
    }

    @Test
    void aFullDiskIsNamed() throws Exception {
        byte[] noise = new byte[200_000];
        new java.util.Random(1).nextBytes(noise);
        Path big = TestPlugin.Jars.write(tmp.resolve("big.jar"), Map.of("noise.bin", noise), null);
        Files.delete(plugins.resolve("reader.zip"));
        reader("reader", "good").library("big.jar", big).zip(plugins);
        Path cache = mounts.tmpfs(tmp.resolve("full"), "size=64k,mode=0700");
        String reason = failure(cache);
        assertTrue(reason.startsWith("cannot extract reader.zip!/lib/big.jar into the library cache folder " + cache
                + ": the disk is full (IOException: No space left on device"), reason);
    }

    @Test
    void leftoverTemporaryFilesOfAKilledProcessArePurged() throws Exception {
        Path cache = ownerOnlyFolder(tmp.resolve("cache"));
        Path old = Files.writeString(cache.resolve("extract-123.tmp"), "half a jar");
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path recent = Files.writeString(cache.resolve("extract-456.tmp"), "being written");
        try (PluginRuntime runtime = runtime(cache)) {
            assertEquals(List.of("good"), greetings(runtime));
        }
        assertFalse(Files.exists(old), "an hour-old temporary file is a dead process's");
        assertTrue(Files.exists(recent), "a recent one may be another process's extraction under way");
    }

    @Test
    void aPurgeNeverDeletesAJarAnotherRuntimeUses() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other"));
        reader("other", "other").zip(other);
        Path cache = ownerOnlyFolder(tmp.resolve("cache"));
        Path readerJar = cache.resolve(cachedName(plugins.resolve("reader.zip")));
        try (PluginRuntime first = runtime(cache)) {
            assertTrue(Files.exists(readerJar));
            try (PluginRuntime second = PluginRuntime.builder().pluginDirectory(other).hostVersion("1.0.0")
                    .sharedPackages("dev.graft.loader.fixture.api").cache(cache, 1).build()) {
                assertEquals(List.of("other"), greetings(second));
                assertTrue(Files.exists(readerJar), "the first runtime holds it");
                assertEquals(List.of("good"), greetings(first));
            }
        }
        try (PluginRuntime third = PluginRuntime.builder().pluginDirectory(other).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").cache(cache, 1).build()) {
            assertFalse(Files.exists(readerJar), "once no runtime holds it, the bound applies");
        }
    }
}
