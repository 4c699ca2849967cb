package dev.graft.loader.archive;

import java.io.IOException;

/** An archive that cannot be used: corrupt, hostile, over a limit, or without a manifest. */
public final class ArchiveException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the archive and the entry
     */
    public ArchiveException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the archive and the entry
     * @param cause the underlying failure
     */
    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
