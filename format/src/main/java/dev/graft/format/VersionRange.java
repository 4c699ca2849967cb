package dev.graft.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An npm-style version range, such as {@code ^1.2.0}, {@code >=1.0.0 <2.0.0} or
 * {@code ~1.4 || ^2.0.0}.
 *
 * <p>The grammar is node-semver's: comparators {@code < <= > >= =} before a version, caret
 * {@code ^}, tilde {@code ~}, X-ranges ({@code 1.2.x}, {@code 1.*}, {@code *}), hyphen ranges
 * ({@code 1.2.3 - 2.0.0}), a space for AND and {@code ||} for OR. Each form is reduced to plain
 * comparators exactly as node-semver does with {@code includePrerelease}, so a pre-release such as
 * {@code 2.0.0-SNAPSHOT} is an ordinary version ordered by SemVer precedence. Versions are compared
 * by {@link Version}'s own SemVer precedence.
 *
 * <p>Parsing is strict: every character must belong to the grammar. Maven and Ivy ranges such as
 * {@code [1.0,2.0)} are rejected with their npm-style equivalent in the message; semver4j would
 * read that one as {@code >=1.0.0}. {@code docs/index-format.md} explains why Graft reduces ranges
 * itself instead of calling semver4j's range parser.
 */
public final class VersionRange {

    /** The accepted syntax, quoted in error messages. */
    public static final String SYNTAX = "an npm-style range: 1.2.3 (exactly), >=1.2.0, <2.0.0, >=1.2.0 <2.0.0 (both),"
            + " ^1.2.0 (>=1.2.0 <2.0.0-0: below 2.0.0 and its pre-releases), ~1.2.0 (>=1.2.0 <1.3.0-0), 1.2.x,"
            + " 1.2.0 - 1.4.0 (spaces around '-'), ^1.0.0 || ^2.0.0 (either),"
            + " * (any); for example ^1.4.0";

    /** The range that every version satisfies. */
    public static final VersionRange ANY = new VersionRange("*", List.of(List.of()));

    private final String text;
    /** Alternatives (OR) of comparator lists (AND). An empty list is satisfied by every version. */
    private final List<List<RangeComparator>> alternatives;

    private VersionRange(String text, List<List<RangeComparator>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /**
     * Parses a range.
     *
     * @param text the range, for example {@code ^1.2.0}
     * @return the range
     * @throws SyntaxException if {@code text} does not follow the grammar, with the accepted syntax
     *     (and, for a Maven-style range, its npm-style equivalent) in the message
     */
    public static VersionRange parse(String text) {
        Objects.requireNonNull(text, "text");
        String normal = text.trim().replaceAll("\\s+", " ");
        if (normal.isEmpty()) {
            throw new SyntaxException(text, "the range is empty; expected " + SYNTAX);
        }
        if (normal.matches(".*[\\[\\](),].*")) {
            throw MavenRangeHint.error(text, normal);
        }
        List<List<RangeComparator>> alternatives = new ArrayList<>();
        String[] sections = normal.split("\\|\\|", -1);
        for (String section : sections) {
            String trimmed = section.trim();
            if (trimmed.isEmpty()) {
                throw new SyntaxException(text, "an alternative between '||' is empty; expected " + SYNTAX);
            }
            alternatives.add(List.copyOf(RangeParser.section(text, trimmed)));
        }
        String canonical = String.join(" || ", java.util.Arrays.stream(sections).map(String::trim).toList());
        return new VersionRange(canonical, List.copyOf(alternatives));
    }

    /**
     * A probable mistake in a range that parses: {@code 4.0.0-5.0.0} is one pre-release version of
     * 4.0.0, although the hyphen range {@code 4.0.0 - 5.0.0} was almost certainly meant.
     *
     * @return what is probably wrong and the ranges that were likely meant; empty for most ranges
     */
    public Optional<String> warning() {
        return RangeHints.warning(text);
    }

    /**
     * Whether {@code version} lies in this range.
     *
     * @param version the version to test
     * @return {@code true} if the version satisfies every comparator of at least one alternative
     */
    public boolean contains(Version version) {
        for (List<RangeComparator> all : alternatives) {
            if (satisfiesAll(all, version)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether some version lies in both ranges. {@code ^1.0.0} and {@code ^2.0.0} do not intersect;
     * {@code >=1.2.0} and {@code <1.3.0} do.
     *
     * @param other the other range
     * @return {@code true} if at least one version satisfies both
     */
    public boolean intersects(VersionRange other) {
        for (List<RangeComparator> a : alternatives) {
            for (List<RangeComparator> b : other.alternatives) {
                List<RangeComparator> both = new ArrayList<>(a);
                both.addAll(b);
                if (satisfiable(both)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether this range is satisfied by some version at all ({@code >2.0.0 <1.0.0} is not).
     *
     * @return {@code true} if at least one version satisfies it
     */
    public boolean isSatisfiable() {
        return alternatives.stream().anyMatch(VersionRange::satisfiable);
    }

    /**
     * Whether every version satisfies this range, as {@code *} does.
     *
     * @return {@code true} for a range without bounds
     */
    public boolean isAny() {
        return alternatives.stream().anyMatch(List::isEmpty);
    }

    /**
     * A conjunction is satisfiable iff its smallest candidate, the greatest lower bound (or the
     * successor of an exclusive one), satisfies every comparator. Exact, since
     * {@link Version#successor()} is the immediate successor under SemVer precedence.
     */
    private static boolean satisfiable(List<RangeComparator> all) {
        Version candidate = Version.of(0, 0, 0, "0");
        for (RangeComparator c : all) {
            Version lowest = switch (c.operator()) {
                case GTE, EQ -> c.version();
                case GT -> c.version().successor();
                case LT, LTE -> null;
            };
            if (lowest != null && lowest.compareTo(candidate) > 0) {
                candidate = lowest;
            }
        }
        return satisfiesAll(all, candidate);
    }

    private static boolean satisfiesAll(List<RangeComparator> all, Version version) {
        for (RangeComparator c : all) {
            if (!c.test(version)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The comparators this range reduces to, for example {@code >=1.2.0 <2.0.0-0} for
     * {@code ^1.2.0}; alternatives are joined by {@code ||}.
     *
     * @return the reduced form
     */
    public String reduced() {
        List<String> parts = new ArrayList<>();
        for (List<RangeComparator> all : alternatives) {
            parts.add(all.isEmpty() ? "*" : String.join(" ", all.stream().map(RangeComparator::toString).toList()));
        }
        return String.join(" || ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionRange r && r.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** @return the range as written, with runs of whitespace collapsed to one space */
    @Override
    public String toString() {
        return text;
    }


}
