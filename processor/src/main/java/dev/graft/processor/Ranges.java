package dev.graft.processor;

import dev.graft.format.VersionRange;

/** Checks on version ranges shared by the plugin declaration and the extensions. */
final class Ranges {

    private Ranges() {
    }

    /**
     * Reports an error when no version satisfies a range, such as {@code >2.0.0 <1.0.0}: legal
     * syntax, but the plugin or extension could never be loaded; else a warning when the range is
     * probably not what was meant ({@link VersionRange#warning()}: {@code 4.0.0-5.0.0} is one
     * pre-release version), since a host or plugin of exactly that version may exist.
     *
     * @param reporter where the error or warning goes
     * @param site where the range is written
     * @param what what the range belongs to, for the message: "@Plugin on package a: requires"
     * @param range the range
     */
    static void check(Reporter reporter, Site site, String what, VersionRange range) {
        if (!range.isSatisfiable()) {
            String reduced = range.reduced().equals(range.toString()) ? "" : " (reduced: '" + range.reduced() + "')";
            reporter.error(site, what + " can never be satisfied: no version lies in '" + range + "'" + reduced
                    + "; write a range that some version lies in");
        } else {
            range.warning().ifPresent(warning -> reporter.warning(site, what + " is probably a mistake: " + warning));
        }
    }
}
