package dev.graft.loader.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SmallZip} against the JDK's {@link ZipFile}: what it accepts it reads exactly as the JDK
 * does, and what it does not handle it leaves to the JDK by returning {@code null}.
 */
class SmallZipTest {

    @TempDir
    Path dir;

    @Test
    void readsEntriesAsTheJdkDoes() throws IOException {
        byte[] zip = zip(null, "classes/", null, "classes/a/A.class", text("A".repeat(500)),
                "classes/a/B.txt", text("b"), "classes/empty.txt", new byte[0], "stored.bin", null);
        SmallZip small = SmallZip.parse(zip);
        assertNotNull(small);
        assertEquals(false, small.repeatsNames());
        Path file = write(zip);
        try (ZipFile jdk = new ZipFile(file.toFile())) {
            assertEquals(names(jdk.entries()), names(small.entries()));
            for (ZipEntry e : Collections.list(jdk.entries())) {
                ZipEntry mine = small.getEntry(e.getName());
                assertEquals(e.getSize(), mine.getSize(), e.getName());
                assertEquals(e.getCompressedSize(), mine.getCompressedSize(), e.getName());
                assertEquals(e.getCrc(), mine.getCrc(), e.getName());
                assertEquals(e.isDirectory(), mine.isDirectory(), e.getName());
                assertArrayEquals(jdk.getInputStream(e).readAllBytes(), small.getInputStream(mine).readAllBytes(),
                        e.getName());
                assertArrayEquals(jdk.getInputStream(e).readAllBytes(), small.readDeclared(mine),
                        e.getName() + ", read whole");
            }
            assertEquals(jdk.getEntry("classes").getName(), small.getEntry("classes").getName());
            assertNull(small.getEntry("missing"));
        }
        assertNotNull(SmallZip.read(file), "read from a file as parsed from memory");
    }

    /** The size a stat gave, if the file changed since, never yields a zip other than the file's. */
    @Test
    void readsWithTheSizeAStatGaveAndRefusesAStaleOne() throws IOException {
        byte[] zip = zip(null, "x.txt", text("x"));
        Path file = write(zip);
        SmallZip small = SmallZip.read(file, zip.length);
        assertNotNull(small);
        assertArrayEquals(text("x"), small.readDeclared(small.getEntry("x.txt")));
        assertNull(SmallZip.read(file, zip.length + 1), "the file shrank since: left to the JDK");
        assertNull(SmallZip.read(file, zip.length - 1), "the file grew since: its end record is cut off");
        assertNull(SmallZip.read(file, SmallZip.MAX_BYTES + 1), "large by the stat: not read at all");
        assertNull(SmallZip.read(dir, 100), "a directory is no zip");
    }

    @Test
    void readsAZipWithAComment() throws IOException {
        byte[] zip = zip("a comment", "x.txt", text("x"));
        SmallZip small = SmallZip.parse(zip);
        assertNotNull(small);
        assertArrayEquals(text("x"), small.getInputStream(small.getEntry("x.txt")).readAllBytes());
    }

    @Test
    void leavesLargeFilesToTheJdk() throws IOException {
        byte[] noise = new byte[SmallZip.MAX_BYTES];
        new Random(1).nextBytes(noise);
        Path file = write(zip(null, "noise.bin", noise));
        assertNull(SmallZip.read(file));
        assertNull(SmallZip.read(dir.resolve("missing.zip")), "an unreadable file is left to the JDK's message");
    }

    @Test
    void leavesUnusualZipsToTheJdk() throws IOException {
        byte[] plain = zip(null, "x.txt", text("x"));
        assertNotNull(SmallZip.parse(plain));

        byte[] stub = new byte[plain.length + 8];
        System.arraycopy(plain, 0, stub, 8, plain.length);
        assertNull(SmallZip.parse(stub), "data before the first entry (offsets relative to a stub)");

        byte[] unicode = zip(null, "caf\u00e9.txt", text("x"));
        assertNull(SmallZip.parse(unicode), "a name that is not ASCII");

        byte[] encrypted = plain.clone();
        encrypted[centralDirectory(encrypted) + 8] |= 1;
        assertNull(SmallZip.parse(encrypted), "an encrypted entry");

        byte[] bzip = plain.clone();
        bzip[centralDirectory(bzip) + 10] = 12;
        assertNull(SmallZip.parse(bzip), "a compression method other than stored and deflated");

        byte[] cut = java.util.Arrays.copyOf(plain, plain.length - 1);
        assertNull(SmallZip.parse(cut), "no end record");
        assertNull(SmallZip.parse(new byte[0]));
    }

    @Test
    void reportsACorruptEntryWhenItIsRead() throws IOException {
        byte[] zip = zip(null, "a.txt", text("hello, hello, hello, hello"));
        zip[0] = 'Q'; // the local header's signature
        SmallZip small = SmallZip.parse(zip);
        assertNotNull(small);
        assertThrows(ZipException.class, () -> small.getInputStream(small.getEntry("a.txt")));

        byte[] garbled = zip(null, "a.txt", text("hello, hello, hello, hello"));
        int data = 30 + "a.txt".length();
        for (int i = data; i < data + 6; i++) {
            garbled[i] = (byte) 0xff;
        }
        SmallZip bad = SmallZip.parse(garbled);
        assertNotNull(bad);
        assertThrows(IOException.class, () -> bad.getInputStream(bad.getEntry("a.txt")).readAllBytes());
        assertNull(bad.readDeclared(bad.getEntry("a.txt")), "corrupt data is left to the stream, which reports it");
    }

    @Test
    void refusesUseAfterClose() throws IOException {
        SmallZip small = SmallZip.parse(zip(null, "a.txt", text("a")));
        ZipEntry entry = small.getEntry("a.txt");
        small.close();
        assertThrows(IllegalStateException.class, () -> small.getEntry("a.txt"));
        assertThrows(IllegalStateException.class, () -> small.getInputStream(entry));
        assertThrows(IllegalStateException.class, () -> small.readDeclared(entry));
    }

    /**
     * Ten thousand corruptions of a valid zip: SmallZip never fails with anything but an
     * IOException, and every zip it accepts the JDK opens too, with the same entry names.
     */
    @Test
    void corruptZipsFailOnlyWithIoExceptionsAndNeverWhereTheJdkRefuses() throws IOException {
        byte[] valid = zip("c", "classes/", null, "classes/p/A.class", text("A".repeat(300)), "classes/p/B.class",
                text("B"), "lib/x.jar", text("not really"));
        Random random = new Random(42);
        Path file = dir.resolve("mutant.zip");
        int accepted = 0;
        for (int round = 0; round < 10_000; round++) {
            byte[] mutant = valid.clone();
            int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
            }
            SmallZip small;
            try {
                small = SmallZip.parse(mutant);
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + ": parse threw " + e, e);
            }
            if (small == null) {
                continue;
            }
            accepted++;
            List<String> names = names(small.entries());
            assertEquals(names.size() != new java.util.HashSet<>(names).size(), small.repeatsNames(), "round " + round);
            Files.write(file, mutant);
            try (ZipFile jdk = new ZipFile(file.toFile())) {
                assertEquals(names(jdk.entries()), names(small.entries()), "round " + round);
            } catch (ZipException e) {
                fail("round " + round + ": SmallZip accepted a zip the JDK refuses: " + e.getMessage());
            }
            for (ZipEntry e : Collections.list(small.entries())) {
                byte[] whole;
                try {
                    whole = small.readDeclared(e);
                } catch (IOException expected) {
                    whole = null; // a corrupt local header: the stream below reports it too
                } catch (RuntimeException unexpected) {
                    throw new AssertionError("round " + round + ": reading " + e.getName() + " whole threw "
                            + unexpected, unexpected);
                }
                byte[] streamed = null;
                try (InputStream in = small.getInputStream(e)) {
                    streamed = in.readAllBytes();
                } catch (IOException expected) {
                    // a corrupt entry: reported when read, as the JDK does
                } catch (RuntimeException unexpected) {
                    throw new AssertionError("round " + round + ": reading " + e.getName() + " threw " + unexpected,
                            unexpected);
                }
                if (whole != null) {
                    assertArrayEquals(streamed, whole, "round " + round + ": " + e.getName()
                            + " read whole must be what the stream reads");
                    assertEquals(e.getSize(), whole.length, "round " + round + ": as many bytes as declared");
                }
            }
        }
        assertEquals(true, accepted > 1000, "most single-byte corruptions of entry data still parse: " + accepted);
    }

    private Path write(byte[] zip) throws IOException {
        Path file = Files.createTempFile(dir, "z", ".zip");
        Files.write(file, zip);
        return file;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip of (name, content) pairs; a {@code null} content makes a stored entry of three bytes. */
    private static byte[] zip(String comment, Object... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            if (comment != null) {
                out.setComment(comment);
            }
            for (int i = 0; i < namesAndContents.length; i += 2) {
                String name = (String) namesAndContents[i];
                byte[] content = (byte[]) namesAndContents[i + 1];
                ZipEntry e = new ZipEntry(name);
                if (content == null && !name.endsWith("/")) {
                    content = new byte[] {1, 2, 3};
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(3);
                    e.setCompressedSize(3);
                    e.setCrc(crc.getValue());
                }
                out.putNextEntry(e);
                if (content != null) {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static int centralDirectory(byte[] zip) {
        int end = zip.length - 22;
        return (zip[end + 16] & 0xff) | (zip[end + 17] & 0xff) << 8;
    }

    private static List<String> names(java.util.Enumeration<? extends ZipEntry> entries) {
        List<String> names = new ArrayList<>();
        while (entries.hasMoreElements()) {
            names.add(entries.nextElement().getName());
        }
        return names;
    }
}
