package dev.graft.loader.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The entries of an open zip, whether the JDK's {@link ZipFile} reads them from the file or
 * {@link SmallZip} from memory. The methods mean what {@link ZipFile}'s do; once the source is
 * closed, {@link #getEntry(String)} throws {@link IllegalStateException}.
 */
interface ZipSource extends Closeable {

    /** @return the number of entries in the central directory */
    int size();

    /** @return the entries, in central-directory order */
    Enumeration<? extends ZipEntry> entries();

    /**
     * @param name the entry name
     * @return the entry, or {@code null}
     */
    ZipEntry getEntry(String name);

    /**
     * @param entry an entry of this source
     * @return its uncompressed bytes
     * @throws IOException if the entry is corrupt or the source is closed
     */
    InputStream getInputStream(ZipEntry entry) throws IOException;

    /**
     * Whether two entries may share a name. A source that indexed every name when it opened knows;
     * otherwise the answer is {@code true}, and {@link ZipListing} checks name by name.
     *
     * @return {@code false} only if no two entries share a name
     */
    default boolean repeatsNames() {
        return true;
    }

    /**
     * Reads an entry whole when that can be done without a stream.
     *
     * @param entry an entry of this source
     * @return its bytes, exactly as many as it declares; or {@code null}: read it through
     *     {@link #getInputStream(ZipEntry)} instead
     * @throws IOException if the entry is corrupt
     */
    default byte[] readDeclared(ZipEntry entry) throws IOException {
        return null;
    }

    /**
     * A source over a zip the JDK opened.
     *
     * @param zip the zip; closing the source closes it
     * @return the source
     */
    static ZipSource of(ZipFile zip) {
        return new ZipSource() {
            @Override
            public int size() {
                return zip.size();
            }

            @Override
            public Enumeration<? extends ZipEntry> entries() {
                return zip.entries();
            }

            @Override
            public ZipEntry getEntry(String name) {
                return zip.getEntry(name);
            }

            @Override
            public InputStream getInputStream(ZipEntry entry) throws IOException {
                return zip.getInputStream(entry);
            }

            @Override
            public void close() throws IOException {
                zip.close();
            }
        };
    }
}
