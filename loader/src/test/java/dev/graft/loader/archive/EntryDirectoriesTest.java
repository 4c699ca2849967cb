package dev.graft.loader.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.ArchiveLimits;
import dev.graft.loader.testing.TestPlugin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory sets of a root: what they hold, and that they are frozen once gathered (immutable
 * sets the class loaders use as they are, docs/BENCHMARKS.md "Where the heap goes", row 6); and
 * that a zip folder's name for messages is not kept.
 */
class EntryDirectoriesTest {

    @TempDir
    Path tmp;

    private static final Map<String, byte[]> ENTRIES = Map.of(
            "a/b/C.class", new byte[] {1},
            "a/b/D.class", new byte[] {2},
            "a/data.txt", "x".getBytes(StandardCharsets.UTF_8),
            "META-INF/graft/plugin.manifest", "m".getBytes(StandardCharsets.UTF_8),
            "META-INF/x/E.class", new byte[] {3},
            "top.txt", "t".getBytes(StandardCharsets.UTF_8));

    private static final Set<String> ALL = Set.of("a/b", "a", "META-INF/graft", "META-INF/x", "");

    /** Set.copyOf returns a set of its own immutable kind as it is, and copies any other. */
    private static void frozen(Set<String> set) {
        assertSame(set, Set.copyOf(set));
    }

    @Test
    void aJarsDirectoriesAreGatheredWhenItOpensAndFrozen() throws Exception {
        Path jar = TestPlugin.Jars.write(tmp.resolve("x.jar"), ENTRIES, null);
        try (ZipRoot root = ZipRoot.openJar(jar, "x.jar", ArchiveLimits.DEFAULT)) {
            assertEquals(ALL, root.directories());
            assertEquals(Set.of("a/b"), root.classDirectories());
            frozen(root.directories());
            frozen(root.classDirectories());
            assertTrue(root.directoryUrl("a/") != null && root.directoryUrl("META-INF/") != null);
        }
    }

    @Test
    void aZipFoldersDirectoriesAreGatheredOnFirstUseAndFrozen() throws Exception {
        Map<String, byte[]> zipped = new java.util.TreeMap<>();
        ENTRIES.forEach((name, bytes) -> zipped.put("classes/" + name, bytes));
        zipped.put("lib/y.jar", new byte[] {4});
        Path file = TestPlugin.Jars.write(tmp.resolve("p.zip"), zipped, null);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipRoot root = ZipRoot.view(file, zip, "classes/", ArchiveLimits.DEFAULT);
            assertEquals(ALL, root.directories());
            assertEquals(Set.of("a/b"), root.classDirectories());
            frozen(root.directories());
            frozen(root.classDirectories());
            assertEquals("p.zip!/classes/", root.describe());
        }
    }

    @Test
    void aZipFoldersNameForMessagesIsMadeWhenAskedNotKept() throws Exception {
        Path file = TestPlugin.Jars.write(tmp.resolve("p.zip"), Map.of("classes/a/B.class", new byte[] {1}), null);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipRoot root = ZipRoot.view(file, zip, "classes/", ArchiveLimits.DEFAULT);
            assertEquals("p.zip!/classes/", root.describe());
            assertEquals("p.zip!/classes/a/B.class", root.entryName("a/B.class"));
            assertNotSame(root.describe(), root.describe());
        }
    }

    @Test
    void aZipClosedBeforeItsDirectoriesAreGatheredHasNone() throws Exception {
        Path file = TestPlugin.Jars.write(tmp.resolve("p.zip"), Map.of("classes/a/B.class", new byte[] {1}), null);
        ZipFile zip = new ZipFile(file.toFile());
        ZipRoot root = ZipRoot.view(file, zip, "classes/", ArchiveLimits.DEFAULT);
        zip.close();
        assertEquals(Set.of(), root.directories());
        assertFalse(root.contains("a/B.class"));
    }

    @Test
    void aDirectorysDirectoriesAreFrozen() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p/classes"));
        for (Map.Entry<String, byte[]> e : ENTRIES.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        DirectoryRoot root = DirectoryRoot.open(dir, "p/classes/", tmp.resolve("p").toRealPath(), ArchiveLimits.DEFAULT);
        assertEquals(ALL, root.directories());
        assertEquals(Set.of("a/b"), root.classDirectories());
        frozen(root.directories());
        frozen(root.classDirectories());
    }
}
