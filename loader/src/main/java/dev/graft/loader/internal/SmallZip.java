package dev.graft.loader.internal;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;

/**
 * A plugin zip small enough to be read whole, in one system call, and served from memory.
 *
 * <p>Opening a zip with {@link java.util.zip.ZipFile} costs a stat for its file key, several reads
 * to find and load the central directory, a native handle and a cleaner; reading each entry costs
 * two more reads. For the common plugin (its own classes, a few kilobytes, no bundled jar) that is
 * most of the time Graft spends per plugin at start-up (docs/BENCHMARKS.md). A file of at most
 * {@link #MAX_BYTES} is read into one array instead; its central directory is parsed from it and
 * entries are inflated from it. No file handle stays open.
 *
 * <p>Only plain zips take this path: one disk, no zip64 record, no encryption, no data before the
 * first entry, entries stored or deflated, ASCII names. {@link #read(Path)} returns {@code null} for
 * anything else (and for a file it cannot read), and the caller falls back to {@code ZipFile}, so
 * that unusual archives get the JDK's handling and the JDK's error messages. The checks made here
 * are the bounds every offset must meet; the rules on entry names and counts are
 * {@link ZipListing}'s, for both paths.
 */
final class SmallZip implements ZipSource {

    /** The largest file read whole: 64 KiB, one read, and at most that much heap per plugin. */
    static final int MAX_BYTES = 64 * 1024;

    private static final int LOC_SIG = 0x04034b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int END_SIG = 0x06054b50;
    private static final int LOC_HEADER = 30;
    private static final int CEN_HEADER = 46;
    private static final int END_HEADER = 22;
    private static final int ZIP64_EXTRA = 0x0001;

    private final Entry[] entries;
    private final Map<String, Entry> byName;
    private final int cenStart;
    private final boolean repeatsNames;
    private volatile byte[] bytes;

    private SmallZip(byte[] bytes, Entry[] entries, Map<String, Entry> byName, int cenStart, boolean repeatsNames) {
        this.bytes = bytes;
        this.entries = entries;
        this.byName = byName;
        this.cenStart = cenStart;
        this.repeatsNames = repeatsNames;
    }

    /**
     * Reads a zip whole if it is small and plain.
     *
     * @param file the zip
     * @return the zip, or {@code null} if it is larger than {@link #MAX_BYTES}, not a plain zip, or
     *     unreadable: open it with {@code ZipFile} instead
     */
    static SmallZip read(Path file) {
        return read(file, -1);
    }

    /**
     * Reads a zip whole if it is small and plain, knowing its size from a stat.
     *
     * @param file the zip
     * @param size its size, or {@code -1} to ask the file
     * @return the zip, or {@code null} if it is larger than {@link #MAX_BYTES}, not a plain zip, or
     *     unreadable: open it with {@code ZipFile} instead
     */
    static SmallZip read(Path file, int size) {
        byte[] bytes;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = size < 0 ? in.length() : size;
            if (length < END_HEADER || length > MAX_BYTES) {
                return null;
            }
            bytes = new byte[(int) length];
            // a file that grew since is cut short: its end record is missing, parse refuses it;
            // one that shrank ends the read early: null, and the JDK reports it
            in.readFully(bytes);
        } catch (IOException e) {
            return null;
        }
        return parse(bytes);
    }

    /**
     * Parses a zip held in memory.
     *
     * @param bytes the whole file
     * @return the zip, or {@code null} if it is not a plain zip
     */
    static SmallZip parse(byte[] bytes) {
        int end = findEnd(bytes);
        if (end < 0) {
            return null;
        }
        int disk = u16(bytes, end + 4);
        int cenDisk = u16(bytes, end + 6);
        int onDisk = u16(bytes, end + 8);
        int total = u16(bytes, end + 10);
        long cenSize = u32(bytes, end + 12);
        long cenStart = u32(bytes, end + 16);
        if (disk != 0 || cenDisk != 0 || onDisk != total || total == 0xFFFF || cenStart + cenSize != end) {
            return null;
        }
        Entry[] entries = new Entry[total];
        Map<String, Entry> byName = new HashMap<>(total * 2);
        int pos = (int) cenStart;
        boolean repeats = false;
        for (int i = 0; i < total; i++) {
            if (pos + CEN_HEADER > end || u32(bytes, pos) != CEN_SIG) {
                return null;
            }
            int flags = u16(bytes, pos + 8);
            int method = u16(bytes, pos + 10);
            long crc = u32(bytes, pos + 16);
            long compressed = u32(bytes, pos + 20);
            long size = u32(bytes, pos + 24);
            int nameLength = u16(bytes, pos + 28);
            int extraLength = u16(bytes, pos + 30);
            int commentLength = u16(bytes, pos + 32);
            long local = u32(bytes, pos + 42);
            int name = pos + CEN_HEADER;
            int next = name + nameLength + extraLength + commentLength;
            if ((flags & 1) != 0 || (method != ZipEntry.STORED && method != ZipEntry.DEFLATED)
                    || nameLength == 0 || next > end
                    || (method == ZipEntry.STORED && compressed != size)
                    || local + LOC_HEADER + compressed > cenStart
                    || !isAscii(bytes, name, nameLength)
                    || !plainExtra(bytes, name + nameLength, extraLength)) {
                return null;
            }
            Entry entry = new Entry(new String(bytes, name, nameLength, StandardCharsets.ISO_8859_1), method,
                    (int) local, (int) compressed, size, crc);
            entries[i] = entry;
            repeats |= byName.putIfAbsent(entry.getName(), entry) != null;
            pos = next;
        }
        if (pos != end) {
            return null;
        }
        return new SmallZip(bytes, entries, byName, (int) cenStart, repeats);
    }

    /** The end-of-central-directory record whose comment runs exactly to the end of the file. */
    private static int findEnd(byte[] bytes) {
        int lowest = Math.max(0, bytes.length - END_HEADER - 0xFFFF);
        for (int at = bytes.length - END_HEADER; at >= lowest; at--) {
            if (bytes[at] == 'P' && u32(bytes, at) == END_SIG && at + END_HEADER + u16(bytes, at + 20) == bytes.length) {
                return at;
            }
        }
        return -1;
    }

    private static boolean isAscii(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (bytes[i] < 0x20) { // negative: not ASCII; below space: a control character
                return false;
            }
        }
        return true;
    }

    /** Extra fields that exactly fill their space and include no zip64 record. */
    private static boolean plainExtra(byte[] bytes, int from, int length) {
        int at = from;
        int end = from + length;
        while (at + 4 <= end) {
            int id = u16(bytes, at);
            int size = u16(bytes, at + 2);
            if (id == ZIP64_EXTRA) {
                return false;
            }
            at += 4 + size;
        }
        return at == end;
    }

    @Override
    public int size() {
        return entries.length;
    }

    /** @return whether two entries share a name: known from the parse, which indexed them all */
    @Override
    public boolean repeatsNames() {
        return repeatsNames;
    }

    @Override
    public Enumeration<? extends ZipEntry> entries() {
        return new Enumeration<Entry>() {
            private int next;

            @Override
            public boolean hasMoreElements() {
                return next < entries.length;
            }

            @Override
            public Entry nextElement() {
                if (next >= entries.length) {
                    throw new NoSuchElementException();
                }
                return entries[next++];
            }
        };
    }

    @Override
    public ZipEntry getEntry(String name) {
        if (bytes == null) {
            throw new IllegalStateException("zip file closed");
        }
        Entry entry = byName.get(name);
        if (entry == null && !name.endsWith("/")) {
            entry = byName.get(name + "/");
        }
        return entry;
    }

    @Override
    public InputStream getInputStream(ZipEntry zipEntry) throws IOException {
        byte[] data = bytes;
        if (data == null) {
            throw new IllegalStateException("zip file closed");
        }
        Entry entry = byName.get(zipEntry.getName());
        if (entry == null) {
            return null;
        }
        int start = dataStart(data, entry);
        InputStream raw = new ByteArrayInputStream(data, start, entry.compressed);
        return entry.getMethod() == ZipEntry.STORED ? raw : Inflating.over(raw);
    }

    /**
     * Reads an entry whole, straight from the file's bytes into one array of the declared size: no
     * stream, no copy. Stored entries are copied; deflated ones inflated with a pooled inflater.
     *
     * @return the entry's bytes, or {@code null} when they do not come out exactly as declared or
     *     are corrupt (the caller then reads the entry as a stream, bounded by its real size, which
     *     reports the corruption)
     */
    @Override
    public byte[] readDeclared(ZipEntry zipEntry) throws IOException {
        byte[] data = bytes;
        if (data == null) {
            throw new IllegalStateException("zip file closed");
        }
        Entry entry = byName.get(zipEntry.getName());
        if (entry == null || entry.getSize() > Integer.MAX_VALUE - 8) {
            return null;
        }
        int start = dataStart(data, entry);
        int size = (int) entry.getSize();
        if (entry.getMethod() == ZipEntry.STORED) {
            return entry.compressed == size ? java.util.Arrays.copyOfRange(data, start, start + size) : null;
        }
        byte[] out = new byte[size];
        Inflater inflater = Inflaters.take();
        try {
            inflater.setInput(data, start, entry.compressed);
            int n = 0;
            while (n < size) {
                int got = inflater.inflate(out, n, size - n);
                if (got == 0) {
                    break; // finished early, or needs input or a dictionary: not as declared
                }
                n += got;
            }
            if (n != size || !inflater.finished() && (inflater.inflate(new byte[1]) > 0 || !inflater.finished())) {
                return null;
            }
            return out;
        } catch (java.util.zip.DataFormatException e) {
            return null; // the stream reports it, with the JDK's message
        } finally {
            Inflaters.give(inflater);
        }
    }

    /** Where an entry's data starts, after its local header, checked against the central directory. */
    private int dataStart(byte[] data, Entry entry) throws ZipException {
        int local = entry.local;
        if (u32(data, local) != LOC_SIG) {
            throw new ZipException("invalid LOC header (bad signature) of " + entry.getName());
        }
        int start = local + LOC_HEADER + u16(data, local + 26) + u16(data, local + 28);
        if (start + entry.compressed > cenStart) {
            throw new ZipException("invalid LOC header (bad header size) of " + entry.getName());
        }
        return start;
    }

    @Override
    public void close() {
        bytes = null;
    }

    /**
     * An entry and where its local header lies. Its sizes, method and CRC are answered from its own
     * fields, checked by {@link #parse}, rather than set through {@code ZipEntry}'s checking setters:
     * four calls fewer for each entry of each plugin at start-up.
     */
    private static final class Entry extends ZipEntry {
        final int local;
        final int compressed;
        private final int method;
        private final long size;
        private final long crc;

        Entry(String name, int method, int local, int compressed, long size, long crc) {
            super(name);
            this.local = local;
            this.compressed = compressed;
            this.method = method;
            this.size = size;
            this.crc = crc;
        }

        @Override
        public int getMethod() {
            return method;
        }

        @Override
        public long getSize() {
            return size;
        }

        @Override
        public long getCompressedSize() {
            return compressed;
        }

        @Override
        public long getCrc() {
            return crc;
        }
    }

    /**
     * Inflaters for reuse, as {@code ZipFile} keeps them: creating one allocates zlib's state and
     * registers a cleaner, which loading a thousand plugins would otherwise do twice per plugin.
     */
    private static final class Inflaters {
        private static final Inflater[] POOL = new Inflater[8];
        private static int pooled;

        static Inflater take() {
            synchronized (POOL) {
                if (pooled > 0) {
                    Inflater inflater = POOL[--pooled];
                    POOL[pooled] = null;
                    return inflater;
                }
            }
            return new Inflater(true);
        }

        static void give(Inflater inflater) {
            inflater.reset();
            synchronized (POOL) {
                if (pooled < POOL.length) {
                    POOL[pooled++] = inflater;
                    return;
                }
            }
            inflater.end();
        }
    }

    /**
     * Inflates raw deflate data. zlib may ask for one byte past the end of a raw stream; like the
     * JDK's own zip streams, this gives it a zero byte once instead of failing. Closing the stream
     * returns its inflater for reuse; a stream never closed leaves its inflater to the cleaner.
     */
    private static final class Inflating extends InflaterInputStream {
        private boolean eof;
        private boolean returned;

        private Inflating(InputStream in) {
            super(in, Inflaters.take(), 512);
        }

        /**
         * A stream inflating {@code in}, typed as a plain stream: verifying a caller that only
         * returns it does not load this class, which a plugin that is only listed never uses.
         */
        static InputStream over(InputStream in) {
            return new Inflating(in);
        }

        @Override
        protected void fill() throws IOException {
            if (eof) {
                throw new EOFException("Unexpected end of ZLIB input stream");
            }
            len = in.read(buf, 0, buf.length);
            if (len < 0) {
                buf[0] = 0;
                len = 1;
                eof = true;
            }
            inf.setInput(buf, 0, len);
        }

        @Override
        public void close() throws IOException {
            super.close();
            if (!returned) {
                returned = true;
                Inflaters.give(inf);
            }
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xffffffffL;
    }
}
