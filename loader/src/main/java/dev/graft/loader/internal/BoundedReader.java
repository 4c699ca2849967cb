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
     * @throws ArchiveException if more than {@code limit} bytes arrive
     */
    static byte[] readAll(InputStream in, long limit, String what) throws IOException {
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
