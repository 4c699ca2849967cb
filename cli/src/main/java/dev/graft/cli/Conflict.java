package dev.graft.cli;

import java.util.List;

/**
 * One fact {@code graft conflicts} reports, and whether Graft's isolation makes it harmless.
 *
 * @param kind what sort of conflict
 * @param subject the library identity or the package
 * @param holders who holds it: {@code plugin (where version)}, sorted
 * @param harmless whether isolation makes it harmless
 * @param verdict why, in words
 */
public record Conflict(Kind kind, String subject, List<String> holders, boolean harmless, String verdict) {

    /** The sorts of conflict. */
    public enum Kind {
        /** One library bundled in different versions by several plugins. */
        LIBRARY_VERSIONS,
        /** One package in several plugins' classes or libraries. */
        SPLIT_PACKAGE,
        /** A plugin bundles classes of a package the host shares. */
        BUNDLES_SHARED_PACKAGE
    }
}
