package dev.graft.cli;

import dev.graft.loader.ArchiveLimits;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an entry of an archive the commands look inside, no further than the loader would:
 * {@link ArchiveLimits#DEFAULT}'s {@code maxEntryBytes}, counted on the bytes inflated, not on
 * what the archive declares.
 */
public final class BoundedRead {

    private BoundedRead() {
    }

    /**
     * @param in the entry's stream
     * @param what the entry, named in the message ({@code p.zip!/classes/a/B.class})
     * @return its bytes
     * @throws IOException if it cannot be read or is larger than the limit
     */
    public static byte[] read(InputStream in, String what) throws IOException {
        return read(in, what, ArchiveLimits.DEFAULT.maxEntryBytes());
    }

    static byte[] read(InputStream in, String what, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw new IOException(what + " is larger than the limit of " + limit + " bytes (ArchiveLimits.maxEntryBytes);"
                    + " it was not read further");
        }
        return bytes;
    }
}
