package dev.graft.loader.cache;

import dev.graft.loader.ArchiveLimits;
import dev.graft.loader.archive.ArchiveException;

/**
 * What may still be inflated from one plugin, against {@link ArchiveLimits#maxTotalBytes()}: the
 * bundled jars that {@link LibraryCache#extract} reads, and the entries of a single jar.
 */
public final class Budget {
    private final ArchiveLimits limits;
    private final String plugin;
    private long spent;

    /**
     * @param limits the limits
     * @param plugin how messages name the plugin
     */
    public Budget(ArchiveLimits limits, String plugin) {
        this.limits = limits;
        this.plugin = plugin;
    }

    public long remaining(String display) throws ArchiveException {
        long left = limits.maxTotalBytes() - spent;
        if (left <= 0) {
            throw exceeded(display);
        }
        return Math.min(left, limits.maxEntryBytes());
    }

    public void spend(long bytes, String display) throws ArchiveException {
        if (bytes > limits.maxTotalBytes()) {
            throw exceeded(display);
        }
        spent += bytes;
        if (spent > limits.maxTotalBytes()) {
            throw exceeded(display);
        }
    }

    private ArchiveException exceeded(String display) {
        return new ArchiveException(plugin + " inflates to more than the limit of " + limits.maxTotalBytes()
                + " bytes in all (reached at " + display + ")");
    }
}
