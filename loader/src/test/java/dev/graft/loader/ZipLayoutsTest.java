package dev.graft.loader;

import static dev.graft.loader.testing.ZipBytes.END_SIZE;
import static dev.graft.loader.testing.ZipBytes.graftManifest;
import static dev.graft.loader.testing.ZipBytes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.format.FormatException;
import dev.graft.loader.archive.ArchiveException;
import dev.graft.loader.archive.ArchiveOpener;
import dev.graft.loader.archive.PluginArchive;
import dev.graft.loader.cache.LibraryCache;
import dev.graft.loader.testing.ZipBytes.Entry;
import dev.graft.loader.testing.ZipBytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crafted zip layouts on which zip readers are known to disagree: Graft must load exactly the
 * plugin that {@link ZipFile} (and with it {@code unzip}, Python's {@code zipfile}, a scanner, a
 * signature check) sees, or refuse the file with a message naming it; never another plugin. Each
 * layout holds a plugin "good", the one other tools see, and where it can a plugin "evil" that a
 * reader of its own might find instead.
 */
class ZipLayoutsTest {

    private static final Pattern ID = Pattern.compile("(?m)^id (\\S+)$");

    @TempDir
    Path dir;

    /** Two end records; the last one's comment length stops short of the end of the file. */
    @Test
    void twoEndRecordsTheLastWithACommentLengthShortOfTheEnd() throws IOException {
        Entry good = graftManifest("good");
        Entry evil = graftManifest("evil");
        ZipBytes z = new ZipBytes();
        int goodLocal = z.local(good);
        int evilLocal = z.local(evil);
        int evilCen = z.position();
        z.central(evil, evilLocal);
        int trailing = 5;
        // the first end record's comment runs exactly to the end of the file, over the good directory
        z.end(1, evil.centralLength(), evilCen, good.centralLength() + END_SIZE + trailing, new byte[0]);
        int goodCen = z.position();
        z.central(good, goodLocal);
        z.end(1, good.centralLength(), goodCen, 0, new byte[0]);
        z.raw(ZipBytes.filled(trailing, 0));
        assertSeenAsZipFileSeesIt("two-ends.zip", z.bytes(), "good");
    }

    /** Two end records; the last one's comment length runs past the end of the file. */
    @Test
    void twoEndRecordsTheLastWithACommentLengthPastTheEnd() throws IOException {
        Entry good = graftManifest("good");
        Entry evil = graftManifest("evil");
        ZipBytes z = new ZipBytes();
        int goodLocal = z.local(good);
        int evilLocal = z.local(evil);
        int evilCen = z.position();
        z.central(evil, evilLocal);
        z.end(1, evil.centralLength(), evilCen, good.centralLength() + END_SIZE + 4, new byte[0]);
        int goodCen = z.position();
        z.central(good, goodLocal);
        z.end(1, good.centralLength(), goodCen, 100, utf8("abcd"));
        assertSeenAsZipFileSeesIt("past-end.zip", z.bytes(), null);
    }

    /**
     * A zip64 locator hidden in the last central record's comment, leading to a zip64 end record
     * (in the archive comment) that agrees with the end record's sizes but, by its position, puts
     * the central directory elsewhere. {@code ZipFile} sees "good"; the in-memory reader, which
     * ignored zip64 records, saw "evil". (Tools differ on this one: Python's {@code zipfile} looks
     * for the zip64 end record just before the locator, not where the locator points, and sees
     * "evil"; {@code unzip} refuses the file. Graft sees what the JDK sees.)
     */
    @Test
    void aZip64LocatorHiddenInTheLastCentralRecordsComment() throws IOException {
        Entry evilName = graftManifest("evil");
        int commentLength = 64;
        ZipBytes z = new ZipBytes();
        int evilLocal = z.local(evilName);
        int evilCen = z.position();
        Entry probe = evilName.comment(new byte[commentLength]);
        int evilCenLength = probe.centralLength();
        // laid out below: [end record, 22 + its comment: good local, good directory, zip64 end record]
        Entry good = graftManifest("good");
        int endAt = evilCen + evilCenLength;
        int goodLocalAt = endAt + END_SIZE;
        ZipBytes goodLocal = new ZipBytes();
        goodLocal.local(good);
        int goodCenAt = goodLocalAt + goodLocal.position();
        Entry goodPadded = good.comment(new byte[evilCenLength - good.centralLength()]);
        int zip64EndAt = goodCenAt + evilCenLength;
        // the JDK reads the directory that ends where the zip64 end record starts, and local
        // offsets relative to (that directory's start - the declared offset)
        long base = goodCenAt - evilCen;
        byte[] comment = new byte[commentLength];
        byte[] locator = ZipBytes.zip64Locator(zip64EndAt);
        System.arraycopy(locator, 0, comment, commentLength - locator.length, locator.length);
        z.central(evilName.comment(comment), evilLocal);
        assertEquals(endAt, z.position());
        ZipBytes tail = new ZipBytes();
        tail.local(good);
        tail.central(goodPadded, goodLocalAt - base);
        tail.zip64End(1, evilCenLength, evilCen);
        byte[] rest = tail.bytes();
        z.end(1, evilCenLength, evilCen, rest.length, rest);
        assertEquals(zip64EndAt, z.position() - ZipBytes.ZIP64_END_SIZE);
        assertSeenAsZipFileSeesIt("zip64-in-comment.zip", z.bytes(), "good");
    }

    /** A plain zip64 file: end record with the magic values, zip64 end record and locator. */
    @Test
    void aZip64EndRecordAndLocator() throws IOException {
        Entry good = graftManifest("good");
        ZipBytes z = new ZipBytes();
        int local = z.local(good);
        int cen = z.position();
        z.central(good, local);
        int zip64End = z.position();
        z.zip64End(1, good.centralLength(), cen);
        z.raw(ZipBytes.zip64Locator(zip64End));
        z.end(0xffff, 0xffffffffL, 0xffffffffL);
        assertSeenAsZipFileSeesIt("zip64.zip", z.bytes(), "good");
    }

    /** Three end records, each comment running exactly to the end of the file. */
    @Test
    void severalEndRecordsEachReachingTheEnd() throws IOException {
        Entry[] ids = {graftManifest("first"), graftManifest("second"), graftManifest("good")};
        ZipBytes z = new ZipBytes();
        int[] locals = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            locals[i] = z.local(ids[i]);
        }
        int remaining = 0;
        for (int i = 1; i < ids.length; i++) {
            remaining += ids[i].centralLength() + END_SIZE;
        }
        for (int i = 0; i < ids.length; i++) {
            int cen = z.position();
            z.central(ids[i], locals[i]);
            if (i > 0) {
                remaining -= ids[i].centralLength() + END_SIZE;
            }
            z.end(1, ids[i].centralLength(), cen, remaining, new byte[0]);
        }
        assertSeenAsZipFileSeesIt("three-ends.zip", z.bytes(), "good");
    }

    /** An archive comment that holds an end record of its own, pointing at another directory. */
    @Test
    void anArchiveCommentHoldingAnEndRecordSignature() throws IOException {
        Entry good = graftManifest("good");
        Entry evil = graftManifest("evil");
        ZipBytes z = new ZipBytes();
        int goodLocal = z.local(good);
        int evilLocal = z.local(evil);
        int evilCen = z.position();
        z.central(evil, evilLocal);
        int goodCen = z.position();
        z.central(good, goodLocal);
        // the comment: a fake end record for the evil directory, with a comment length of 3
        byte[] fake = ZipBytes.endRecord(1, evil.centralLength(), evilCen, 3);
        byte[] comment = new byte[fake.length + 3];
        System.arraycopy(fake, 0, comment, 0, fake.length);
        z.end(1, good.centralLength(), goodCen, comment.length, comment);
        assertSeenAsZipFileSeesIt("comment-end.zip", z.bytes(), null);
    }

    /** A central record's comment that holds a whole central record and end record. */
    @Test
    void aCentralRecordCommentHoldingSignatures() throws IOException {
        Entry evil = graftManifest("evil");
        ZipBytes inner = new ZipBytes();
        inner.central(evil, 0);
        inner.end(1, evil.centralLength(), 0);
        Entry good = graftManifest("good").comment(inner.bytes());
        assertSeenAsZipFileSeesIt("cen-comment.zip", ZipBytes.zip(good), "good");
    }

    /**
     * An entry name or comment that is not valid UTF-8 under the UTF-8 flag. {@code ZipFile}
     * checks names when it opens the file, but not comments: it throws
     * {@link IllegalArgumentException} when the entries are listed (found by
     * {@code ZipStructureFuzzTest}).
     */
    @Test
    void anEntryNameOrCommentThatIsNotUtf8IsRefusedWithAMessage() throws IOException {
        byte[] named = ZipBytes.zip(graftManifest("good"), Entry.stored("classes/@@.txt", utf8("x")));
        String nameRefusal = refusal("bad-name.zip", notUtf8(named));
        assertTrue(nameRefusal.equals("bad-name.zip is not a readable zip (invalid CEN header (bad entry name))")
                || nameRefusal.equals("bad-name.zip is not a readable zip (invalid CEN header (bad entry name or comment))"),
                nameRefusal); // the JDK's words: JDK 25 adds "or comment"

        byte[] commented = ZipBytes.zip(graftManifest("good").comment(utf8("@@")));
        String refusal = refusal("bad-comment.zip", notUtf8(commented));
        assertTrue(refusal.startsWith("bad-comment.zip holds an entry whose name or comment is not valid UTF-8"
                + " (malformed input off : ") // JDK 17: found when the entries are listed; the offset is the JDK's
                || refusal.equals("bad-comment.zip is not a readable zip (invalid CEN header (bad entry name or comment))"),
                refusal); // JDK 25 checks comments too when it opens the file
    }

    /** The zip with each {@code @@} replaced by two bytes that are not UTF-8. */
    private static byte[] notUtf8(byte[] zip) {
        String latin = new String(zip, StandardCharsets.ISO_8859_1).replace("@@", "\u00c3\u0028");
        return latin.getBytes(StandardCharsets.ISO_8859_1);
    }

    private String refusal(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return org.junit.jupiter.api.Assertions.assertThrows(ArchiveException.class, () -> opener().open(file).close())
                .getMessage();
    }

    /** Sizes that lie, in the central directory, in the local header, or both, either way. */
    @Test
    void declaredSizesThatLie() throws IOException {
        Entry honest = graftManifest("good");
        long size = honest.size();
        long packed = honest.compressedSize();
        Entry[] lies = {
            honest.centralSizes(size + 1, packed),
            honest.centralSizes(size - 1, packed),
            honest.centralSizes(size, packed + 1),
            honest.centralSizes(size, packed - 1),
            honest.centralSizes(0, 0),
            honest.localSizes(size * 100, packed * 100),
            honest.localSizes(0, 0),
            honest.centralSizes(268_435_456L, packed).localSizes(size, packed),
            ZipBytes.Entry.stored(honest.name(), utf8("graft-plugin 1\nid good\nversion 1.0.0\n"))
                    .centralSizes(size + 10, size + 10),
            ZipBytes.Entry.stored(honest.name(), utf8("graft-plugin 1\nid good\nversion 1.0.0\n"))
                    .centralSizes(size - 10, size - 10),
        };
        for (int i = 0; i < lies.length; i++) {
            assertSeenAsZipFileSeesIt("lie-" + i + ".zip", ZipBytes.zip(lies[i]), null);
        }
    }

    /**
     * Graft opens the file as {@code ZipFile} does: the same plugin id, or a refusal naming the
     * file where {@code ZipFile} fails, finds no manifest, or the manifest's bytes are not what the
     * headers declare.
     *
     * @param expected the id {@code ZipFile} must see (a check of the layout itself), or null
     */
    private void assertSeenAsZipFileSeesIt(String name, byte[] bytes, String expected) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        String oracle = zipFileId(file);
        if (expected != null) {
            assertEquals(expected, oracle, name + ": the layout is what ZipFile sees");
        }
        String graft;
        try (PluginArchive archive = opener().open(file)) {
            graft = archive.manifest().id();
        } catch (IOException | FormatException e) {
            assertTrue(e.getMessage() != null && e.getMessage().startsWith(name), name + ": the refusal names the file: "
                    + e);
            return;
        }
        assertNotEquals("evil", graft, name);
        assertEquals(oracle, graft, name + ": Graft loads the plugin ZipFile sees");
    }

    private ArchiveOpener opener() {
        return new ArchiveOpener(new LibraryCache(dir.resolve("cache"), 1 << 20), ArchiveLimits.DEFAULT);
    }

    /** The plugin id in the manifest that {@link ZipFile} reads, or null if it reads none. */
    private static String zipFileId(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry("classes/META-INF/graft/plugin.manifest");
            if (e == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(e)) {
                Matcher m = ID.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                return m.find() ? m.group(1) : null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
