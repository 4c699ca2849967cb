package dev.graft.loader.archive;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;

/**
 * A connection to a URL that a {@link ResourceRoot} serves: its stream comes from the root, so
 * reading it obeys the root's rules (a closed zip, a link outside the plugin), never the JDK's own
 * file or jar handlers and their caches.
 */
final class RootConnection extends URLConnection {

    /** Opens the entry's stream. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    private final Source source;
    private final long length;

    /**
     * @param url the entry's URL
     * @param source opens the entry
     * @param length the entry's size, or -1 when unknown
     */
    RootConnection(URL url, Source source, long length) {
        super(url);
        this.source = source;
        this.length = length;
    }

    @Override
    public void connect() {
        connected = true;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return source.open();
    }

    @Override
    public long getContentLengthLong() {
        return length;
    }
}
