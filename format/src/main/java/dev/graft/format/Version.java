package dev.graft.format;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (<a href="https://semver.org">SemVer 2.0.0</a>), compared by SemVer
 * precedence: build metadata is ignored and a pre-release sorts before its release.
 *
 * <p>{@link #parse(String)} accepts only strict SemVer. {@link #normalize(String)} accepts the
 * versions build tools write ({@code 1.2-SNAPSHOT}, {@code 4}, {@code 1.0.0.Final}) and maps them
 * to SemVer; the processor uses it for the plugin version and the loader for versions it did not
 * write itself (pf4j manifests, the host version).
 *
 * <p>Parsing is done here, by hand, because every plugin's manifest carries a version and a host
 * start-up should not pay for a regular expression per plugin. A version is at most
 * {@link #MAX_LENGTH} characters, as in node-semver; longer ones are refused with a
 * {@link SyntaxException}. The major, minor and patch numbers have at most 9 digits; numeric
 * pre-release identifiers may have any number of digits and are compared numerically.
 *
 * <p>Precedence (SemVer section 11) is computed here too, in one loop over the identifiers, and
 * never throws. Graft used semver4j 6.0.0 for it until that proved unsafe on plugin input: its
 * parser's regular expression recurses once per pre-release identifier (a 256-character version
 * overflows a 64 KiB thread stack, a 2 KB one any default stack), its comparator throws
 * {@code NumberFormatException} for digit runs longer than a {@code long} (also inside alphanumeric
 * identifiers such as {@code a99999999999999999999}), and it orders {@code rc10} after {@code rc9}
 * and treats an identifier {@code undef} as absent, which SemVer does not. semver4j stays the test
 * oracle where it follows SemVer ({@code VersionPrecedenceTest}); see docs/index-format.md.
 */
public final class Version implements Comparable<Version> {

    /**
     * The longest version accepted, in characters: node-semver's {@code MAX_LENGTH}. It bounds the
     * work of reading and comparing one version; SemVer itself sets no limit.
     */
    public static final int MAX_LENGTH = 256;

    private static final String EXPECTED = "expected a semantic version MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD],"
            + " for example 1.4.0 or 2.0.0-rc.1";

    /** Compiled on first use: most versions are strict and never need it. */
    private static final class BuildTool {
        static final Pattern PATTERN = Pattern.compile(
                "v?(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:[-.]([0-9A-Za-z][0-9A-Za-z.-]*))?(?:\\+([0-9A-Za-z.-]+))?");
    }

    // No copy of the text parsed: the strict grammar spells each version one way, so toString()
    // rebuilds it from these (0.05 KB less a plugin at N=1000, measured). The numbers have at most
    // 9 digits (a successor or range bound adds 1), so they fit an int: 16 bytes less a version.
    private final int major;
    private final int minor;
    private final int patch;
    private final String prerelease;
    private final String build;

    private Version(long major, long minor, long patch, String prerelease, String build) {
        this.major = Math.toIntExact(major);
        this.minor = Math.toIntExact(minor);
        this.patch = Math.toIntExact(patch);
        this.prerelease = prerelease;
        this.build = build;
    }

    /**
     * Parses a strict semantic version such as {@code 1.4.0} or {@code 2.0.0-rc.1+build.5}.
     *
     * @param text the version
     * @return the version
     * @throws SyntaxException if {@code text} is not a semantic version
     */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = checkLength(text, text.trim());
        Version v = tryParse(trimmed);
        if (v == null) {
            throw new SyntaxException(text, EXPECTED);
        }
        return v;
    }

    /** Refuses a version longer than {@link #MAX_LENGTH}, before any other reading. */
    private static String checkLength(String input, String version) {
        if (version.length() > MAX_LENGTH) {
            throw new SyntaxException(input, "a version is at most " + MAX_LENGTH + " characters (as in node-semver),"
                    + " this one is longer than " + MAX_LENGTH + " characters; " + EXPECTED);
        }
        return version;
    }

    /**
     * The strict grammar, or {@code null}: major, minor and patch without leading zeros and with at
     * most 9 digits; numeric pre-release identifiers without leading zeros, of any length.
     */
    private static Version tryParse(String t) {
        Scanner s = new Scanner(t);
        long major = s.number();
        if (major < 0 || !s.take('.')) {
            return null;
        }
        long minor = s.number();
        if (minor < 0 || !s.take('.')) {
            return null;
        }
        long patch = s.number();
        if (patch < 0) {
            return null;
        }
        String pre = "";
        if (s.take('-')) {
            pre = s.identifiers(true);
            if (pre == null) {
                return null;
            }
        }
        String build = "";
        if (s.take('+')) {
            build = s.identifiers(false);
            if (build == null) {
                return null;
            }
        }
        return s.atEnd() ? new Version(major, minor, patch, pre, build) : null;
    }

    /** A cursor over the text of a version; {@link VersionRange} reads the versions of a range with it. */
    static final class Scanner {
        private final String t;
        private int i;

        Scanner(String t) {
            this.t = t;
        }

        boolean atEnd() {
            return i == t.length();
        }

        boolean take(char c) {
            if (i < t.length() && t.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        /** A number without leading zeros, or -1. */
        long number() {
            int start = i;
            while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 9 || (digits > 1 && t.charAt(start) == '0')) {
                return -1;
            }
            return Long.parseLong(t, start, i, 10);
        }

        /** Dot-separated identifiers of [0-9A-Za-z-]; numeric pre-release ones without leading zeros. */
        String identifiers(boolean prerelease) {
            int start = i;
            while (true) {
                int from = i;
                boolean numeric = true;
                while (i < t.length() && isIdentifierChar(t.charAt(i))) {
                    numeric &= Character.isDigit(t.charAt(i));
                    i++;
                }
                if (i == from || (prerelease && numeric && i - from > 1 && t.charAt(from) == '0')) {
                    return null;
                }
                if (!take('.')) {
                    return t.substring(start, i);
                }
            }
        }

        private static boolean isIdentifierChar(char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
        }
    }

    /**
     * Maps a build tool's version to a semantic version: missing minor and patch numbers become
     * {@code 0}, leading zeros are dropped, and a qualifier becomes the pre-release, so
     * {@code 1.2-SNAPSHOT} is {@code 1.2.0-SNAPSHOT} and {@code 1.0.0.Final} is
     * {@code 1.0.0-Final}. A strict semantic version is returned unchanged.
     *
     * @param text the version as the build tool writes it
     * @return the semantic version
     * @throws SyntaxException if {@code text} cannot be read as a version
     */
    public static Version normalize(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = checkLength(text, text.trim());
        Version strict = tryParse(trimmed);
        if (strict != null) {
            return strict;
        }
        Matcher m = BuildTool.PATTERN.matcher(trimmed);
        if (!m.matches()) {
            throw new SyntaxException(text, "expected a version such as 1.4.0, 1.4 or 1.4.0-SNAPSHOT");
        }
        StringBuilder normal = new StringBuilder()
                .append(Long.parseLong(m.group(1))).append('.')
                .append(m.group(2) == null ? 0 : Long.parseLong(m.group(2))).append('.')
                .append(m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
        if (m.group(4) != null) {
            normal.append('-').append(prerelease(m.group(4)));
        }
        if (m.group(5) != null) {
            normal.append('+').append(m.group(5));
        }
        Version v = tryParse(checkLength(text, normal.toString()));
        if (v == null) {
            throw new SyntaxException(text, "expected a version such as 1.4.0, 1.4 or 1.4.0-SNAPSHOT");
        }
        return v;
    }

    /** Drops leading zeros of numeric pre-release identifiers, which SemVer forbids. */
    private static String prerelease(String qualifier) {
        String[] parts = qualifier.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].matches("0\\d+")) {
                parts[i] = parts[i].replaceFirst("^0+(?=\\d)", "");
            }
        }
        return String.join(".", parts);
    }

    /** Creates a version from its parts; used to build range bounds. */
    static Version of(long major, long minor, long patch, String prerelease) {
        return new Version(major, minor, patch, prerelease, "");
    }

    long major() {
        return major;
    }

    long minor() {
        return minor;
    }

    long patch() {
        return patch;
    }

    /** @return the pre-release identifiers joined with dots, or an empty string */
    String prerelease() {
        return prerelease;
    }

    /**
     * The smallest version greater than this one under SemVer precedence: {@code 1.2.3} is
     * followed by {@code 1.2.4-0}, and {@code 1.2.3-rc} by {@code 1.2.3-rc.0}.
     */
    Version successor() {
        return prerelease.isEmpty() ? of(major, minor, patch + 1, "0") : of(major, minor, patch, prerelease + ".0");
    }

    /**
     * Whether this is a pre-release version, such as {@code 1.0.0-SNAPSHOT}.
     *
     * @return {@code true} for a pre-release
     */
    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /**
     * Compares by SemVer precedence (section 11): major, minor and patch numerically; a version
     * without pre-release after one with; pre-release identifiers from left to right, numeric ones
     * numerically (by length, then digits: they have no leading zeros) and before alphanumeric ones,
     * which compare in ASCII order; a longer list of equal leading identifiers is greater. Build
     * metadata is ignored. Never throws, whatever the length of the identifiers.
     */
    @Override
    public int compareTo(Version other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, other.patch);
        }
        return c != 0 ? c : Precedence.comparePrereleases(prerelease, other.prerelease);
    }

    /** Versions are equal when their SemVer precedence is equal, so build metadata is ignored. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, prerelease);
    }

    /** @return the version as parsed (after {@link #normalize} mapped it to SemVer), build metadata included */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + prerelease)
                + (build.isEmpty() ? "" : "+" + build);
    }
}
