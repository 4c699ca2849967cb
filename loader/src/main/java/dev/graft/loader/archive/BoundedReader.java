package dev.graft.loader.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/** Copies streams while counting, so that an entry's real size, not its claimed size, is bounded. */
public final class BoundedReader {

    /** Up to this size, an entry is read into one array of the size it declares. */
    private static final int EXACT_BYTES = 8 * 1024;
    /** Beyond it, the array a read starts with; it doubles as the bytes arrive. */
    private static final int FIRST_BYTES = 1024;
    private static final int BUFFER_BYTES = 16 * 1024;
    /** The largest array the JVM reliably allocates. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private BoundedReader() {
    }

    /**
     * Reads a whole stream whose size an archive declares, or does not. Nothing is allocated from
     * the declared size: the buffer starts small and grows with the bytes that arrive.
     *
     * @param in the stream
     * @param declared the size the archive declares, or -1 if it declares none
     * @param limit the most bytes accepted
     * @param what how the error names the stream
     * @return the bytes, exactly {@code declared} of them if a size is declared
     * @throws ArchiveException if the declared size is over {@code limit} (before anything is
     *     read), if the bytes that arrive are not as many as declared, or if more than
     *     {@code limit} arrive
     */
    public static byte[] readAll(InputStream in, long declared, long limit, String what) throws IOException {
        if (declared > limit) {
            throw new ArchiveException(what + " declares " + declared + " bytes uncompressed, more than the limit of "
                    + limit + " bytes; raise PluginRuntime.Builder.archiveLimits if it is genuine");
        }
        if (declared >= 0 && declared <= EXACT_BYTES) { // the common case: one small array, no copy
            byte[] exact = new byte[(int) declared];
            int got = in.readNBytes(exact, 0, exact.length);
            if (got != declared || in.read() >= 0) {
                throw new ArchiveException(what + " declares " + declared + " bytes uncompressed, but holds "
                        + (got == declared ? "more" : String.valueOf(got)));
            }
            return exact;
        }
        long most = declared >= 0 ? declared : limit;
        byte[] read = new byte[FIRST_BYTES];
        int total = 0;
        int n;
        // one byte more than expected is asked for, to see whether the stream ends where it should
        while (total <= most) {
            if (total == read.length) {
                if (read.length >= MAX_ARRAY) {
                    throw larger(what, MAX_ARRAY);
                }
                read = Arrays.copyOf(read, (int) Math.min(MAX_ARRAY, Math.min(most + 1, 2L * read.length)));
            }
            n = in.read(read, total, (int) Math.min(read.length - total, most + 1 - total));
            if (n < 0) {
                break;
            }
            total += n;
        }
        if (declared >= 0 && total != declared) {
            throw new ArchiveException(what + " declares " + declared + " bytes uncompressed, but holds "
                    + (total > declared ? "more" : String.valueOf(total)));
        }
        if (total > limit) {
            throw larger(what, limit);
        }
        return total == read.length ? read : Arrays.copyOf(read, total);
    }

    /**
     * Copies a whole stream and returns the number of bytes copied.
     *
     * @throws ArchiveException if more than {@code limit} bytes arrive
     */
    public static long copy(InputStream in, OutputStream out, long limit, String what) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                throw larger(what, limit);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static ArchiveException larger(String what, long limit) {
        return new ArchiveException(what + " is larger than the limit of " + limit
                + " bytes uncompressed; raise PluginRuntime.Builder.archiveLimits if it is genuine");
    }
}
