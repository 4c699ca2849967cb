package dev.graft.loader;

import static dev.graft.loader.testing.ZipBytes.graftManifest;
import static dev.graft.loader.testing.ZipBytes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.format.Version;
import dev.graft.loader.testing.TestPlugin;
import dev.graft.loader.testing.ZipBytes.Entry;
import dev.graft.loader.testing.ZipBytes;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is allocated from a size an archive declares before the bytes are seen: a declared size
 * over the limit is refused before reading, one within it must match the bytes that arrive. Each
 * metadata file is read under {@link ArchiveLimits#maxEntryBytes()}, and so is a bundled jar's
 * manifest, which the JDK would otherwise read whole; what the JDK throws on a bundled jar is
 * reported with the jar's entry name.
 */
class BoundedReadsTest {

    private static final long DECLARED = 256L << 20;

    @TempDir
    Path tmp;

    private static PluginRuntime.Builder builder(Path plugins) {
        return PluginRuntime.builder().pluginDirectory(plugins).hostVersion("1.0.0").parallelism(1);
    }

    /** A real manifest of a few dozen bytes whose central directory declares {@code declared} bytes. */
    private static byte[] liar(String id, long declared) {
        Entry manifest = graftManifest(id);
        return ZipBytes.zip(manifest.centralSizes(declared, manifest.compressedSize()));
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Loads a folder on this thread and returns the bytes it allocated; checks every status. */
    private static long load(Path plugins, PluginState expected, String reasonPart) {
        long before = allocatedBytes();
        try (PluginRuntime runtime = builder(plugins).build()) {
            long allocated = allocatedBytes() - before;
            List<PluginStatus> statuses = runtime.plugins();
            assertEquals(200, statuses.size());
            for (PluginStatus s : statuses) {
                assertEquals(expected, s.state(), s.name() + ": " + s.reason());
                if (reasonPart != null) {
                    assertTrue(s.reason().contains(reasonPart), s.reason());
                }
            }
            return allocated;
        }
    }

    /**
     * A lying plugin costs a fixed amount, whatever it declares: an 8 KiB inflater buffer, which
     * {@code ZipFile} sizes from the declared size up to 8 KiB, Graft's first read buffer of
     * 1 KiB, and the refusal, about 17 KB in all (3.45 MB for 200); a plugin of nothing but a
     * manifest, the cheapest honest one, about 6 KB (1.27 MB for 200). Before, each lying plugin
     * allocated the 256 MiB it declared.
     */
    @Test
    void twoHundredZipsDeclaringA256MiBManifestFailAtTheCostOfTwoHundredHonestOnes() throws Exception {
        Path honest = Files.createDirectories(tmp.resolve("honest"));
        Path lying = Files.createDirectories(tmp.resolve("lying"));
        Path lyingLess = Files.createDirectories(tmp.resolve("lying-less"));
        for (int i = 0; i < 200; i++) {
            Files.write(honest.resolve("p" + i + ".zip"), ZipBytes.zip(graftManifest("p" + i)));
            Files.write(lying.resolve("p" + i + ".zip"), liar("p" + i, DECLARED));
            Files.write(lyingLess.resolve("p" + i + ".zip"), liar("p" + i, 1 << 20));
        }
        assertTrue(Files.size(lying.resolve("p0.zip")) < 250, "a tiny file: " + Files.size(lying.resolve("p0.zip")));
        // once each, for the classes of the loader itself and of its failure path
        load(honest, PluginState.LOADED, null);
        load(lying, PluginState.FAILED, "declares 268435456 bytes");
        long honestBytes = load(honest, PluginState.LOADED, null);
        long lyingBytes = load(lying, PluginState.FAILED, "declares 268435456 bytes");
        long lyingLessBytes = load(lyingLess, PluginState.FAILED, "declares 1048576 bytes");
        System.out.println("allocated by 200 honest plugins: " + honestBytes + " bytes; by 200 lying: " + lyingBytes
                + "; by 200 declaring 1 MiB: " + lyingLessBytes);
        assertTrue(lyingBytes < 3 * honestBytes, "200 lying zips allocate " + lyingBytes + " bytes, 200 honest ones "
                + honestBytes);
        assertTrue(lyingBytes < 1.1 * lyingLessBytes, "declaring 256 MiB costs what declaring 1 MiB does: "
                + lyingBytes + " and " + lyingLessBytes + " bytes");
    }

    @Test
    void aManifestThatHoldsOtherThanItDeclaresIsRefusedWithBothSizes() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Entry manifest = graftManifest("short");
        Files.write(plugins.resolve("short.zip"), ZipBytes.zip(manifest.centralSizes(1000, manifest.compressedSize())));
        Entry longer = graftManifest("long");
        Files.write(plugins.resolve("long.zip"), ZipBytes.zip(longer.centralSizes(10, longer.compressedSize())));
        try (PluginRuntime runtime = builder(plugins).build()) {
            assertEquals("short.zip!/classes/META-INF/graft/plugin.manifest declares 1000 bytes uncompressed, but holds "
                    + manifest.size(), runtime.plugins().stream().filter(s -> s.name().equals("short.zip"))
                    .findFirst().orElseThrow().reason());
            assertEquals("long.zip!/classes/META-INF/graft/plugin.manifest declares 10 bytes uncompressed, but holds"
                    + " more", runtime.plugins().stream().filter(s -> s.name().equals("long.zip"))
                    .findFirst().orElseThrow().reason());
        }
    }

    @Test
    void pf4jMetadataIsReadUnderTheLimit() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        ArchiveLimits limits = new ArchiveLimits(100, 1 << 20, 1000);
        String big = "plugin.id=big\nplugin.version=1.0.0\n#" + "x".repeat(2000) + "\n";
        Files.write(plugins.resolve("zipped.zip"), ZipBytes.zip(Entry.deflated("plugin.properties", utf8(big))));
        Path exploded = Files.createDirectories(plugins.resolve("exploded"));
        Files.writeString(exploded.resolve("plugin.properties"), big);
        try (PluginRuntime runtime = builder(plugins).archiveLimits(limits).build()) {
            Map<String, String> reasons = new java.util.TreeMap<>();
            runtime.plugins().forEach(s -> reasons.put(s.name(), s.reason()));
            assertEquals(Map.of(
                    "zipped.zip", "zipped.zip!/plugin.properties declares " + utf8(big).length + " bytes uncompressed, more than the limit"
                            + " of 1000 bytes; raise PluginRuntime.Builder.archiveLimits if it is genuine",
                    "exploded", "exploded/plugin.properties is larger than the limit of 1000 bytes uncompressed;"
                            + " raise PluginRuntime.Builder.archiveLimits if it is genuine"), reasons);
        }
    }

    /** A plugin zip "name" with a manifest and one bundled jar, {@code lib/x.jar}. */
    private static void zipWithLibrary(Path plugins, String name, byte[] jar) throws Exception {
        Files.write(plugins.resolve(name), ZipBytes.zip(graftManifest(name.replace(".zip", "")),
                Entry.stored("lib/x.jar", jar)));
    }

    private static byte[] jar(byte[] manifest) {
        return ZipBytes.zip(Entry.deflated("META-INF/MANIFEST.MF", manifest),
                Entry.stored("x/X.txt", utf8("x")));
    }

    @Test
    void aBundledJarThatCannotBeOpenedIsReportedWithItsEntryName() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        byte[] valid = utf8("Manifest-Version: 1.0\n\n");
        byte[] oversized = utf8("Manifest-Version: 1.0\nX: " + "y".repeat(70) + "\n"
                + (" " + "z".repeat(69) + "\n").repeat(40_000) + "\n");
        zipWithLibrary(plugins, "oversized.zip", jar(oversized));
        Entry lying = Entry.deflated("META-INF/MANIFEST.MF", utf8("Manifest-Version: 1.0\nX: " + "y".repeat(5000)
                + "\n\n"));
        zipWithLibrary(plugins, "lying.zip", ZipBytes.zip(lying.centralSizes(100, lying.compressedSize())));
        byte[] badHeader = jar(valid);
        badHeader[0] = 'Q'; // the manifest's local header signature
        zipWithLibrary(plugins, "bad-header.zip", badHeader);
        Entry dry = Entry.deflated("META-INF/MANIFEST.MF", valid);
        zipWithLibrary(plugins, "dry.zip", ZipBytes.zip(dry.centralSizes(dry.size(), 0)));
        zipWithLibrary(plugins, "malformed.zip", jar(utf8("Manifest-Version: 1.0\nno colon on this line\n\n")));
        zipWithLibrary(plugins, "not-a-zip.zip", utf8("not a zip at all"));
        Entry corrupt = Entry.deflated("lib/x.jar", jar(valid));
        Files.write(plugins.resolve("corrupt.zip"), ZipBytes.zip(graftManifest("corrupt"),
                corrupt.centralSizes(corrupt.size(), 0))); // no compressed bytes: the inflater runs dry
        ArchiveLimits limits = new ArchiveLimits(100, 16 << 20, 1 << 20);
        try (PluginRuntime runtime = builder(plugins).archiveLimits(limits).build()) {
            Map<String, String> reasons = new java.util.TreeMap<>();
            runtime.plugins().forEach(s -> reasons.put(s.name(), s.reason()));
            assertEquals("oversized.zip!/lib/x.jar!/META-INF/MANIFEST.MF declares " + oversized.length + " bytes uncompressed, more"
                    + " than the limit of 1048576 bytes; raise PluginRuntime.Builder.archiveLimits if it is genuine",
                    reasons.get("oversized.zip"));
            assertEquals("lying.zip!/lib/x.jar!/META-INF/MANIFEST.MF declares 100 bytes uncompressed, but holds more",
                    reasons.get("lying.zip"));
            assertEquals("bad-header.zip!/lib/x.jar is not a readable jar: its META-INF/MANIFEST.MF or signature files"
                    + " could not be read (java.util.zip.ZipException: ZipFile invalid LOC header (bad signature))",
                    reasons.get("bad-header.zip"));
            assertEquals("dry.zip!/lib/x.jar is not a readable jar: its META-INF/MANIFEST.MF or signature files could"
                    + " not be read (java.io.EOFException: Unexpected end of ZLIB input stream)", reasons.get("dry.zip"));
            assertTrue(reasons.get("malformed.zip").startsWith("malformed.zip!/lib/x.jar is not a readable jar: its"
                    + " META-INF/MANIFEST.MF or signature files could not be read (java.io.IOException: "),
                    reasons.get("malformed.zip"));
            assertEquals("corrupt.zip!/lib/x.jar is corrupt (Unexpected end of ZLIB input stream)",
                    reasons.get("corrupt.zip"));
            assertTrue(reasons.get("not-a-zip.zip").startsWith("not-a-zip.zip!/lib/x.jar is not a readable jar: "),
                    reasons.get("not-a-zip.zip"));
        }
    }

    @Test
    void aHonestBundledJarStillLoads() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = TestPlugin.Jars.write(tmp.resolve("lib.jar"), Map.of("x/X.txt", utf8("x")),
                Map.of("Implementation-Title", "x"));
        zipWithLibrary(plugins, "honest.zip", Files.readAllBytes(jar));
        try (PluginRuntime runtime = builder(plugins).build()) {
            PluginStatus s = runtime.plugins().get(0);
            assertEquals(PluginState.LOADED, s.state(), s.reason());
        }
    }
}
