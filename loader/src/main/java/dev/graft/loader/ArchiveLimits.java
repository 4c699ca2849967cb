package dev.graft.loader;

/**
 * Bounds on what Graft reads from one archive, against zip bombs and hostile archives.
 *
 * @param maxEntries the most entries one archive (a plugin zip or one bundled jar) may hold
 * @param maxTotalBytes the most uncompressed bytes Graft extracts from one plugin, counted as it
 *     inflates rather than taken from the archive's own claims
 * @param maxEntryBytes the most uncompressed bytes of one entry
 */
public record ArchiveLimits(int maxEntries, long maxTotalBytes, long maxEntryBytes) {

    /** 65,536 entries, 1 GiB per plugin, 256 MiB per entry. */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(65_536, 1L << 30, 256L << 20);

    /** Checks that every bound is positive. */
    public ArchiveLimits {
        if (maxEntries <= 0 || maxTotalBytes <= 0 || maxEntryBytes <= 0) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }
}
