package dev.graft.loader.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.graft.format.FormatException;
import dev.graft.format.Version;
import dev.graft.loader.ArchiveLimits;
import dev.graft.loader.archive.ArchiveException;
import dev.graft.loader.archive.ArchiveOpener;
import dev.graft.loader.archive.PluginArchive;
import dev.graft.loader.cache.LibraryCache;
import dev.graft.loader.testing.ZipBytes.Entry;
import dev.graft.loader.testing.ZipBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds whole zips from the fuzzer's data, structure first: local headers, one or more central
 * directories in any order and subset, end records whose counts, sizes, offsets and comment
 * lengths may lie, zip64 end records and locators (also hidden in comments), declared sizes that
 * differ from the data, junk between records. The invariant: {@link ArchiveOpener} either refuses
 * the file with {@link IOException} (an {@code ArchiveException} among them) or
 * {@link FormatException}, whose message starts with the archive's name, or opens the plugin whose
 * manifest {@link ZipFile} sees in the file; anything else is a finding.
 *
 * <p>Manifests come from a few valid ones (plugins "good", "evil", "other"), so that the target
 * explores the zip structure, not the manifest parser ({@code ParserFuzzTest} does). Seeds are in
 * {@code ZipStructureFuzzTestInputs/zips/}; {@code mvn -B verify} runs them and then fuzzes for
 * {@code fuzz.duration}.
 */
class ZipStructureFuzzTest {

    private static final String MANIFEST = "classes/META-INF/graft/plugin.manifest";
    private static final String[] IDS = {"good", "evil", "other"};
    private static final String[] NAMES = {MANIFEST, MANIFEST, "plugin.properties", "classes/a/A.class",
        "lib/x.jar", "classes/", "lib/", "META-INF/MANIFEST.MF"};
    private static final Pattern ID = Pattern.compile("(?m)^id (\\S+)$");
    private static final Path WORK = work();

    private static Path work() {
        try {
            Path dir = Files.createTempDirectory("graft-zip-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest
    void zips(FuzzedDataProvider data) throws Exception {
        Path file = WORK.resolve("plugin.zip");
        Files.write(file, build(data));
        Path cache = WORK.resolve("cache");
        ArchiveOpener opener = new ArchiveOpener(new LibraryCache(cache, 1 << 20), new ArchiveLimits(64, 1 << 20, 64 << 10));
        try (PluginArchive archive = opener.open(file)) {
            String seen = zipFileId(file, archive.metadata() == PluginArchive.Metadata.GRAFT);
            assertNotNull(seen, "Graft opened a plugin where ZipFile reads no manifest");
            assertEquals(seen, archive.manifest().id(), "Graft opened another plugin than ZipFile sees");
        } catch (IOException | FormatException refused) {
            // documented: refused, with a message that names the archive
            String message = String.valueOf(refused.getMessage());
            if (!message.startsWith("plugin.zip")) {
                throw new AssertionError("a refusal that does not name the archive: " + refused, refused);
            }
        } finally {
            clear(cache);
        }
    }

    /** A zip laid out as the data says. */
    static byte[] build(FuzzedDataProvider data) {
        List<Entry> entries = new ArrayList<>();
        int count = data.consumeInt(1, 4);
        for (int i = 0; i < count; i++) {
            entries.add(entry(data));
        }
        ZipBytes z = new ZipBytes();
        junk(z, data);
        List<Integer> locals = new ArrayList<>();
        for (Entry e : entries) {
            locals.add(z.local(e));
            junk(z, data);
        }
        int directories = data.consumeInt(1, 3);
        for (int d = 0; d < directories; d++) {
            directory(z, data, entries, locals);
        }
        junk(z, data);
        return z.bytes();
    }

    private static Entry entry(FuzzedDataProvider data) {
        String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(12);
        byte[] content = switch (data.consumeInt(0, 3)) {
            case 0 -> ZipBytes.utf8("graft-plugin 1\nid " + data.pickValue(IDS) + "\nversion 1.0.0\n");
            case 1 -> ZipBytes.utf8("plugin.id=" + data.pickValue(IDS) + "\nplugin.version=1.0.0\n");
            case 2 -> ZipBytes.zip(Entry.stored("META-INF/MANIFEST.MF", ZipBytes.utf8("Manifest-Version: 1.0\n\n")));
            default -> data.consumeBytes(64);
        };
        Entry e = data.consumeBoolean() ? Entry.deflated(name, content) : Entry.stored(name, content);
        if (data.consumeInt(0, 3) == 0) {
            e = e.centralSizes(lie(data, e.size()), lie(data, e.compressedSize()));
        }
        if (data.consumeInt(0, 3) == 0) {
            e = e.localSizes(lie(data, e.localSize()), lie(data, e.localCompressedSize()));
        }
        return e;
    }

    private static long lie(FuzzedDataProvider data, long honest) {
        return switch (data.consumeInt(0, 4)) {
            case 0 -> honest + data.consumeInt(-3, 3);
            case 1 -> 0;
            case 2 -> 0xffffffffL;
            case 3 -> 256L << 20;
            default -> data.consumeLong(0, 0xffffffffL);
        };
    }

    /** A central directory of some of the entries, then its end records. */
    private static void directory(ZipBytes z, FuzzedDataProvider data, List<Entry> entries, List<Integer> locals) {
        int cen = z.position();
        int records = data.consumeInt(0, entries.size());
        int length = 0;
        for (int r = 0; r < records; r++) {
            int i = data.consumeInt(0, entries.size() - 1);
            Entry e = entries.get(i);
            if (r == records - 1 && data.consumeBoolean()) { // a locator hidden in the last record's comment
                byte[] comment = data.consumeBoolean()
                        ? ZipBytes.zip64Locator(data.consumeInt(0, z.position() + 200))
                        : ZipBytes.endRecord(data.consumeInt(0, 3), data.consumeInt(0, 300), data.consumeInt(0, 300),
                                data.consumeInt(0, 40));
                e = e.comment(comment);
            }
            z.central(e, data.consumeBoolean() ? locals.get(i) : data.consumeInt(0, z.position()));
            length += e.centralLength();
        }
        int cenSize = data.consumeBoolean() ? length : data.consumeInt(0, length + 50);
        int cenOffset = data.consumeBoolean() ? cen : data.consumeInt(0, z.position());
        int total = data.consumeBoolean() ? records : data.consumeInt(0, 5);
        if (data.consumeInt(0, 3) == 0) { // zip64 end record and locator
            int zip64End = z.position();
            z.zip64End(total, cenSize, cenOffset);
            z.raw(ZipBytes.zip64Locator(data.consumeBoolean() ? zip64End : data.consumeInt(0, z.position())));
            if (data.consumeBoolean()) {
                z.end(0xffff, 0xffffffffL, 0xffffffffL);
                return;
            }
        }
        byte[] comment = data.consumeBytes(data.consumeInt(0, 40));
        int commentLength = data.consumeBoolean() ? comment.length : data.consumeInt(0, 80);
        z.end(total, cenSize, cenOffset, commentLength, comment);
    }

    private static void junk(ZipBytes z, FuzzedDataProvider data) {
        if (data.consumeInt(0, 7) == 0) {
            z.raw(data.consumeBytes(data.consumeInt(1, 30)));
        }
    }

    /** The plugin id that {@link ZipFile} reads from the manifest Graft used, or null. */
    private static String zipFileId(Path file, boolean graft) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry(graft ? MANIFEST : "plugin.properties");
            if (e == null) {
                return null;
            }
            String text;
            try (InputStream in = zip.getInputStream(e)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (graft) {
                Matcher m = ID.matcher(text);
                return m.find() ? m.group(1) : null;
            }
            Properties p = new Properties();
            p.load(new StringReader(text));
            return p.getProperty("plugin.id");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void clear(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(cache)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }
}
