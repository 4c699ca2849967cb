package dev.graft.loader;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semver4j.Semver;

/**
 * A semantic version (<a href="https://semver.org">SemVer 2.0.0</a>), compared by SemVer
 * precedence: build metadata is ignored and a pre-release sorts before its release.
 *
 * <p>{@link #parse(String)} accepts only strict SemVer. {@link #normalize(String)} accepts the
 * versions build tools write ({@code 1.2-SNAPSHOT}, {@code 4}, {@code 1.0.0.Final}) and maps them
 * to SemVer; the processor uses it for the plugin version and the loader for versions it did not
 * write itself (pf4j manifests, the host version).
 */
public final class Version implements Comparable<Version> {

    private static final Pattern STRICT = Pattern.compile(
            "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    private static final Pattern BUILD_TOOL = Pattern.compile(
            "v?(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:[-.]([0-9A-Za-z][0-9A-Za-z.-]*))?(?:\\+([0-9A-Za-z.-]+))?");

    private final Semver semver;
    private final String text;

    private Version(Semver semver, String text) {
        this.semver = semver;
        this.text = text;
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
        String trimmed = text.trim();
        if (!STRICT.matcher(trimmed).matches()) {
            throw new SyntaxException(text, "expected a semantic version MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD],"
                    + " for example 1.4.0 or 2.0.0-rc.1");
        }
        return new Version(new Semver(trimmed), trimmed);
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
        String trimmed = text.trim();
        if (STRICT.matcher(trimmed).matches()) {
            return parse(trimmed);
        }
        Matcher m = BUILD_TOOL.matcher(trimmed);
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
        try {
            return parse(normal.toString());
        } catch (SyntaxException e) {
            throw new SyntaxException(text, "expected a version such as 1.4.0, 1.4 or 1.4.0-SNAPSHOT");
        }
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
        String text = major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + prerelease);
        return new Version(new Semver(text), text);
    }

    long major() {
        return semver.getMajor();
    }

    long minor() {
        return semver.getMinor();
    }

    long patch() {
        return semver.getPatch();
    }

    /** @return the pre-release identifiers joined with dots, or an empty string */
    String prerelease() {
        return String.join(".", semver.getPreRelease());
    }

    /**
     * The smallest version greater than this one under SemVer precedence: {@code 1.2.3} is
     * followed by {@code 1.2.4-0}, and {@code 1.2.3-rc} by {@code 1.2.3-rc.0}.
     */
    Version successor() {
        String pre = prerelease();
        return pre.isEmpty() ? of(major(), minor(), patch() + 1, "0") : of(major(), minor(), patch(), pre + ".0");
    }

    /**
     * Whether this is a pre-release version, such as {@code 1.0.0-SNAPSHOT}.
     *
     * @return {@code true} for a pre-release
     */
    public boolean isPrerelease() {
        return !semver.getPreRelease().isEmpty();
    }

    @Override
    public int compareTo(Version other) {
        return semver.compareTo(other.semver);
    }

    /** Versions are equal when their SemVer precedence is equal, so build metadata is ignored. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(semver.getMajor(), semver.getMinor(), semver.getPatch(), semver.getPreRelease());
    }

    /** @return the version as written, for example {@code 1.2.0-SNAPSHOT} */
    @Override
    public String toString() {
        return text;
    }
}
