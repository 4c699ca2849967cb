package dev.graft.loader.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies streams while counting, so that an entry's real size, not its claimed size, is bounded. */
final class BoundedReader {

    private BoundedReader() {
    }

    /**
     * Reads a whole stream.
     *
     * @param in the stream
     * @param expected the size the archive declares, or -1; read into one exact array when it is
     *     within the limit, and still checked against the bytes that really arrive
     * @param limit the most bytes accepted
     * @param what how the error names the stream
     * @throws ArchiveException if more than {@code limit} bytes arrive
     */
    static byte[] readAll(InputStream in, long expected, long limit, String what) throws IOException {
        if (expected >= 0 && expected <= limit && expected < Integer.MAX_VALUE - 8) {
            byte[] exact = in.readNBytes((int) expected);
            int more = in.read();
            if (exact.length == expected && more < 0) {
                return exact;
            }
            byte[] read = more < 0 ? exact : java.util.Arrays.copyOf(exact, exact.length + 1);
            if (more >= 0) {
                read[exact.length] = (byte) more;
            }
            in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(read), in);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(in, out, limit, what);
        return out.toByteArray();
    }

    /**
     * Copies a whole stream and returns the number of bytes copied.
     *
     * @throws ArchiveException if more than {@code limit} bytes arrive
     */
    static long copy(InputStream in, OutputStream out, long limit, String what) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                throw new ArchiveException(what + " is larger than the limit of " + limit
                        + " bytes uncompressed; raise PluginRuntime.Builder.archiveLimits if it is genuine");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }
}
