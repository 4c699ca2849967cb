package dev.graft.loader.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip files byte by byte, so that a test can build layouts no zip library writes: several
 * end records, zip64 records and locators in odd places, comments that hold signatures, sizes
 * that lie. Records are appended in the order the test calls for them; {@link #position()} gives
 * the offset the next one starts at, which later records can point to.
 *
 * <pre>{@code
 * ZipBytes zip = new ZipBytes();
 * ZipBytes.Entry e = ZipBytes.Entry.deflated("a.txt", bytes);
 * int local = zip.local(e);
 * int cen = zip.position();
 * zip.central(e, local);
 * zip.end(1, zip.position() - cen, cen);
 * byte[] file = zip.bytes();
 * }</pre>
 */
public final class ZipBytes {

    private static final int LOC_SIG = 0x04034b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int END_SIG = 0x06054b50;
    private static final int ZIP64_END_SIG = 0x06064b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    /** The size of an end-of-central-directory record without its comment. */
    public static final int END_SIZE = 22;
    /** The size of a zip64 end record without extensible data. */
    public static final int ZIP64_END_SIZE = 56;
    /** The size of a zip64 end locator. */
    public static final int ZIP64_LOCATOR_SIZE = 20;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /**
     * One entry: its name, its data as stored in the file, and the sizes and CRC the headers
     * declare, which a test may set to lie.
     *
     * @param name the entry name
     * @param method 0 (stored) or 8 (deflated)
     * @param data the bytes written after the local header (compressed if deflated)
     * @param crc the CRC-32 both headers declare
     * @param size the uncompressed size the central directory declares
     * @param compressedSize the compressed size the central directory declares
     * @param localSize the uncompressed size the local header declares
     * @param localCompressedSize the compressed size the local header declares
     * @param comment the central record's comment
     */
    public record Entry(String name, int method, byte[] data, long crc, long size, long compressedSize,
            long localSize, long localCompressedSize, byte[] comment) {

        /** An entry stored as it is, with honest sizes. */
        public static Entry stored(String name, byte[] content) {
            return new Entry(name, 0, content, crc32(content), content.length, content.length, content.length,
                    content.length, new byte[0]);
        }

        /** An entry deflated, with honest sizes. */
        public static Entry deflated(String name, byte[] content) {
            byte[] data = deflate(content);
            return new Entry(name, 8, data, crc32(content), content.length, data.length, content.length, data.length,
                    new byte[0]);
        }

        /** This entry with other sizes in the central directory (what {@code ZipFile} believes). */
        public Entry centralSizes(long newSize, long newCompressedSize) {
            return new Entry(name, method, data, crc, newSize, newCompressedSize, localSize, localCompressedSize,
                    comment);
        }

        /** This entry with other sizes in the local header. */
        public Entry localSizes(long newSize, long newCompressedSize) {
            return new Entry(name, method, data, crc, size, compressedSize, newSize, newCompressedSize, comment);
        }

        /** This entry with a comment in its central record. */
        public Entry comment(byte[] newComment) {
            return new Entry(name, method, data, crc, size, compressedSize, localSize, localCompressedSize,
                    newComment);
        }

        /** @return the length of this entry's central record */
        public int centralLength() {
            return 46 + utf8(name).length + comment.length;
        }
    }

    /** @return the offset the next record starts at */
    public int position() {
        return out.size();
    }

    /** @return the file written so far */
    public byte[] bytes() {
        return out.toByteArray();
    }

    /** Appends raw bytes: padding, a comment's content, garbage. */
    public ZipBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /**
     * Appends a local header and the entry's data.
     *
     * @return the offset of the local header
     */
    public int local(Entry e) {
        int at = position();
        byte[] name = utf8(e.name());
        u32(LOC_SIG);
        u16(20);
        u16(0x0800); // names are UTF-8
        u16(e.method());
        u32(0); // time and date
        u32(e.crc());
        u32(e.localCompressedSize());
        u32(e.localSize());
        u16(name.length);
        u16(0);
        out.writeBytes(name);
        out.writeBytes(e.data());
        return at;
    }

    /** Appends the central record of an entry whose local header is at {@code localOffset}. */
    public ZipBytes central(Entry e, long localOffset) {
        byte[] name = utf8(e.name());
        u32(CEN_SIG);
        u16(20);
        u16(20);
        u16(0x0800);
        u16(e.method());
        u32(0);
        u32(e.crc());
        u32(e.compressedSize());
        u32(e.size());
        u16(name.length);
        u16(0); // extra
        u16(e.comment().length);
        u16(0); // disk
        u16(0); // internal attributes
        u32(0); // external attributes
        u32(localOffset);
        out.writeBytes(name);
        out.writeBytes(e.comment());
        return this;
    }

    /** Appends an end record of a central directory of {@code count} entries, with no comment. */
    public ZipBytes end(int count, long cenSize, long cenOffset) {
        return end(count, cenSize, cenOffset, 0, new byte[0]);
    }

    /**
     * Appends an end record whose comment length field says {@code commentLength}, followed by
     * {@code comment} (which need not be as long: the field may lie).
     */
    public ZipBytes end(int count, long cenSize, long cenOffset, int commentLength, byte[] comment) {
        u32(END_SIG);
        u16(0);
        u16(0);
        u16(count);
        u16(count);
        u32(cenSize);
        u32(cenOffset);
        u16(commentLength);
        out.writeBytes(comment);
        return this;
    }

    /** Appends a zip64 end record. */
    public ZipBytes zip64End(long count, long cenSize, long cenOffset) {
        out.writeBytes(zip64EndRecord(count, cenSize, cenOffset));
        return this;
    }

    /** A zip64 end record, to place inside a comment. */
    public static byte[] zip64EndRecord(long count, long cenSize, long cenOffset) {
        ZipBytes z = new ZipBytes();
        z.u32(ZIP64_END_SIG);
        z.u64(ZIP64_END_SIZE - 12);
        z.u16(45);
        z.u16(45);
        z.u32(0);
        z.u32(0);
        z.u64(count);
        z.u64(count);
        z.u64(cenSize);
        z.u64(cenOffset);
        return z.bytes();
    }

    /** A zip64 end locator pointing at a zip64 end record, to append or to place inside a comment. */
    public static byte[] zip64Locator(long zip64EndOffset) {
        ZipBytes z = new ZipBytes();
        z.u32(ZIP64_LOCATOR_SIG);
        z.u32(0);
        z.u64(zip64EndOffset);
        z.u32(1);
        return z.bytes();
    }

    /** An end record as bytes, to place inside a comment. */
    public static byte[] endRecord(int count, long cenSize, long cenOffset, int commentLength) {
        return new ZipBytes().end(count, cenSize, cenOffset, commentLength, new byte[0]).bytes();
    }

    /**
     * A plain zip of the entries: local headers, central directory, end record with a comment.
     *
     * @param comment the archive comment
     */
    public static byte[] zip(byte[] comment, Entry... entries) {
        ZipBytes z = new ZipBytes();
        List<Integer> locals = new ArrayList<>();
        for (Entry e : entries) {
            locals.add(z.local(e));
        }
        int cen = z.position();
        for (int i = 0; i < entries.length; i++) {
            z.central(entries[i], locals.get(i));
        }
        z.end(entries.length, z.position() - cen, cen, comment.length, comment);
        return z.bytes();
    }

    /** A plain zip of the entries, with no comment. */
    public static byte[] zip(Entry... entries) {
        return zip(new byte[0], entries);
    }

    /** Graft's manifest for a plugin id, as the entry {@code classes/META-INF/graft/plugin.manifest}. */
    public static Entry graftManifest(String id) {
        return Entry.deflated("classes/META-INF/graft/plugin.manifest",
                utf8("graft-plugin 1\nid " + id + "\nversion 1.0.0\n"));
    }

    /** @return {@code n} bytes of {@code b} */
    public static byte[] filled(int n, int b) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) b);
        return bytes;
    }

    /** @return the UTF-8 bytes of a string */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the raw deflate stream (no zlib header) of the bytes, as zip entries hold it */
    public static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            bytes.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return bytes.toByteArray();
    }

    private static long crc32(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }

    private void u16(int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
    }

    private void u32(long v) {
        u16((int) (v & 0xffff));
        u16((int) ((v >>> 16) & 0xffff));
    }

    private void u64(long v) {
        u32(v & 0xffffffffL);
        u32(v >>> 32);
    }
}
