package dev.graft.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An npm-style version range, such as {@code ^1.2.0}, {@code >=1.0.0 <2.0.0} or
 * {@code ~1.4 || ^2.0.0}.
 *
 * <p>The grammar is node-semver's: comparators {@code < <= > >= =} before a version, caret
 * {@code ^}, tilde {@code ~}, X-ranges ({@code 1.2.x}, {@code 1.*}, {@code *}), hyphen ranges
 * ({@code 1.2.3 - 2.0.0}), a space for AND and {@code ||} for OR. Each form is reduced to plain
 * comparators exactly as node-semver does with {@code includePrerelease}, so a pre-release such as
 * {@code 2.0.0-SNAPSHOT} is an ordinary version ordered by SemVer precedence. Versions are compared
 * by semver4j.
 *
 * <p>Parsing is strict: every character must belong to the grammar. Maven and Ivy ranges such as
 * {@code [1.0,2.0)} are rejected with their npm-style equivalent in the message; semver4j would
 * read that one as {@code >=1.0.0}. {@code docs/index-format.md} explains why Graft reduces ranges
 * itself instead of calling semver4j's range parser.
 */
public final class VersionRange {

    /** The accepted syntax, quoted in error messages. */
    public static final String SYNTAX = "an npm-style range: 1.2.3 (exactly), >=1.2.0, <2.0.0, >=1.2.0 <2.0.0 (both),"
            + " ^1.2.0 (>=1.2.0 <2.0.0), ~1.2.0 (>=1.2.0 <1.3.0), 1.2.x, 1.2.0 - 1.4.0, ^1.0.0 || ^2.0.0 (either),"
            + " * (any); for example ^1.4.0";

    /** The range that every version satisfies. */
    public static final VersionRange ANY = new VersionRange("*", List.of(List.of()));

    /**
     * The regular expressions of the full grammar, compiled on first use: the ranges plugins
     * usually write are read by {@link #simple(String)} without them, and compiling them costs
     * milliseconds in a cold JVM. None of them repeats a group: the versions in a range are read by
     * {@link #partial(String, String)} with {@link Version}'s scanner, because a pattern such as
     * {@code (?:\.PRE)*} recurses once per identifier and overflowed the stack on a long
     * pre-release.
     */
    private static final class Grammar {
        static final Pattern OPERATOR = Pattern.compile("(<=|>=|<|>|=|~|\\^)?(.*)", Pattern.DOTALL);
        static final Pattern SPACE_AFTER_OPERATOR = Pattern.compile("(<=|>=|<|>|=|~|\\^)\\s+");
        static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");
        static final Pattern MAVEN_SET = Pattern.compile(
                "\\s*([\\[(\\]])\\s*([^,\\[\\]()]*?)\\s*(?:(,)\\s*([^,\\[\\]()]*?)\\s*)?([\\])\\[])\\s*");
    }

    private final String text;
    /** Alternatives (OR) of comparator lists (AND). An empty list is satisfied by every version. */
    private final List<List<Comparator>> alternatives;

    private VersionRange(String text, List<List<Comparator>> alternatives) {
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
        VersionRange simple = simple(text);
        if (simple != null) {
            return simple;
        }
        String normal = text.trim().replaceAll("\\s+", " ");
        if (normal.isEmpty()) {
            throw new SyntaxException(text, "the range is empty; expected " + SYNTAX);
        }
        if (normal.matches(".*[\\[\\](),].*")) {
            throw mavenStyle(text, normal);
        }
        List<List<Comparator>> alternatives = new ArrayList<>();
        String[] sections = normal.split("\\|\\|", -1);
        for (String section : sections) {
            String trimmed = section.trim();
            if (trimmed.isEmpty()) {
                throw new SyntaxException(text, "an alternative between '||' is empty; expected " + SYNTAX);
            }
            alternatives.add(List.copyOf(parseSection(text, trimmed)));
        }
        String canonical = String.join(" || ", java.util.Arrays.stream(sections).map(String::trim).toList());
        return new VersionRange(canonical, List.copyOf(alternatives));
    }

    /**
     * The common case read without regular expressions, which cost more than the rest of a
     * plugin's manifest in a cold JVM: one comparator without spaces, an optional operator and up
     * to three numeric or wildcard parts ({@code ^1.4.0}, {@code >=2}, {@code 1.x}, {@code *}).
     *
     * @return the range, or {@code null} if {@code text} is anything else, including anything
     *     malformed, which the full grammar then reads and reports
     */
    private static VersionRange simple(String text) {
        int n = text.length();
        String operator = "";
        if (text.startsWith(">=") || text.startsWith("<=")) {
            operator = text.substring(0, 2);
        } else if (n > 0 && "<>=~^".indexOf(text.charAt(0)) >= 0) {
            operator = text.substring(0, 1);
        }
        int i = operator.length();
        long[] parts = {-1, -1, -1};
        int count = 0;
        boolean wildcard = false;
        while (true) {
            if (i >= n || count == 3) {
                return null;
            }
            char c = text.charAt(i);
            if (c == 'x' || c == 'X' || c == '*') {
                wildcard = true;
                i++;
            } else if (c >= '0' && c <= '9' && !wildcard) {
                int start = i;
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                if (i - start > 9 || (c == '0' && i - start > 1)) {
                    return null;
                }
                parts[count] = Long.parseLong(text, start, i, 10);
            } else {
                return null;
            }
            count++;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != '.') {
                return null;
            }
            i++;
        }
        Partial partial = new Partial(parts[0], parts[1], parts[2], "");
        List<Comparator> comparators = switch (operator) {
            case "^" -> caret(partial);
            case "~" -> tilde(partial);
            default -> xRange(operator, partial);
        };
        return new VersionRange(text, List.of(List.copyOf(comparators)));
    }

    private static List<Comparator> parseSection(String input, String section) {
        Matcher hyphen = Grammar.HYPHEN.matcher(section);
        if (hyphen.matches()) {
            return hyphen(partial(input, hyphen.group(1)), partial(input, hyphen.group(2)));
        }
        List<Comparator> all = new ArrayList<>();
        for (String token : Grammar.SPACE_AFTER_OPERATOR.matcher(section).replaceAll("$1").split(" ")) {
            Matcher op = Grammar.OPERATOR.matcher(token);
            op.matches();
            String operator = op.group(1) == null ? "" : op.group(1);
            Partial partial = partial(input, op.group(2));
            all.addAll(switch (operator) {
                case "^" -> caret(partial);
                case "~" -> tilde(partial);
                default -> xRange(operator, partial);
            });
        }
        return all;
    }

    /**
     * Reads {@code MAJOR[.MINOR[.PATCH[-PRERELEASE][+BUILD]]]}, where each number may be a wildcard
     * {@code x}, {@code X} or {@code *}, in one pass and at most {@link Version#MAX_LENGTH}
     * characters long.
     */
    private static Partial partial(String input, String token) {
        if (token.length() > Version.MAX_LENGTH) {
            throw new SyntaxException(input, SyntaxException.quote(token) + " is longer than " + Version.MAX_LENGTH
                    + " characters, the longest version Graft accepts (as node-semver); expected " + SYNTAX);
        }
        Version.Scanner s = new Version.Scanner(token);
        String[] parts = new String[3];
        String pre = null;
        boolean valid = !token.isEmpty();
        for (int count = 0; valid && count < 3 && (count == 0 || s.take('.')); count++) {
            parts[count] = wildcardOrNumber(s);
            valid = parts[count] != null;
        }
        if (valid && parts[2] != null) {
            if (s.take('-')) {
                pre = s.identifiers(true);
                valid = pre != null;
            }
            if (valid && s.take('+')) {
                valid = s.identifiers(false) != null;
            }
        }
        if (!valid || !s.atEnd()) {
            throw new SyntaxException(input, "'" + token + "' is not a version or comparator; expected " + SYNTAX);
        }
        String major = parts[0];
        String minor = parts[1];
        String patch = parts[2];
        if ((isX(major) && minor != null && !isX(minor)) || (isX(minor) && patch != null && !isX(patch))) {
            throw new SyntaxException(input, "'" + token + "' has a number after a wildcard; expected " + SYNTAX);
        }
        if (pre != null && isX(patch)) {
            throw new SyntaxException(input, "'" + token + "' has a pre-release after a wildcard; expected " + SYNTAX);
        }
        return new Partial(number(major), number(minor), number(patch), pre == null ? "" : pre);
    }

    /** {@code x}, {@code X}, {@code *} or a number without leading zeros of at most 9 digits; or {@code null}. */
    private static String wildcardOrNumber(Version.Scanner s) {
        for (String wildcard : new String[] {"x", "X", "*"}) {
            if (s.take(wildcard.charAt(0))) {
                return wildcard;
            }
        }
        long number = s.number();
        return number < 0 ? null : Long.toString(number);
    }

    private static boolean isX(String part) {
        return part == null || part.equals("x") || part.equals("X") || part.equals("*");
    }

    private static long number(String part) {
        return isX(part) ? -1 : Long.parseLong(part);
    }

    /** A version with possibly missing parts; a missing or wildcard part is {@code -1}. */
    private record Partial(long major, long minor, long patch, String pre) {
        boolean xMajor() {
            return major < 0;
        }

        boolean xMinor() {
            return minor < 0;
        }

        boolean xPatch() {
            return patch < 0;
        }

        Version full() {
            return Version.of(major, minor, patch, pre);
        }
    }

    private static Comparator gte(long major, long minor, long patch, String pre) {
        return new Comparator(Operator.GTE, Version.of(major, minor, patch, pre));
    }

    private static Comparator lt(long major, long minor, long patch) {
        return new Comparator(Operator.LT, Version.of(major, minor, patch, "0"));
    }

    // The reductions below follow node-semver's replaceCaret, replaceTilde, replaceXRange and
    // hyphenReplace with includePrerelease = true.

    private static List<Comparator> caret(Partial p) {
        if (p.xMajor()) {
            return List.of();
        }
        if (p.xMinor()) {
            return List.of(gte(p.major, 0, 0, "0"), lt(p.major + 1, 0, 0));
        }
        if (p.xPatch()) {
            return List.of(gte(p.major, p.minor, 0, "0"),
                    p.major == 0 ? lt(0, p.minor + 1, 0) : lt(p.major + 1, 0, 0));
        }
        Comparator from = gte(p.major, p.minor, p.patch, p.pre);
        Comparator to = p.major > 0 ? lt(p.major + 1, 0, 0)
                : p.minor > 0 ? lt(0, p.minor + 1, 0)
                : lt(0, 0, p.patch + 1);
        return List.of(from, to);
    }

    private static List<Comparator> tilde(Partial p) {
        if (p.xMajor()) {
            return List.of();
        }
        if (p.xMinor()) {
            return List.of(gte(p.major, 0, 0, "0"), lt(p.major + 1, 0, 0));
        }
        if (p.xPatch()) {
            return List.of(gte(p.major, p.minor, 0, "0"), lt(p.major, p.minor + 1, 0));
        }
        return List.of(gte(p.major, p.minor, p.patch, p.pre), lt(p.major, p.minor + 1, 0));
    }

    private static List<Comparator> xRange(String operator, Partial p) {
        boolean anyX = p.xMajor() || p.xMinor() || p.xPatch();
        if (!anyX) {
            Operator op = operator.isEmpty() ? Operator.EQ : Operator.of(operator);
            return List.of(new Comparator(op, p.full()));
        }
        if (operator.equals("=")) {
            operator = "";
        }
        if (p.xMajor()) {
            return operator.equals(">") || operator.equals("<") ? List.of(lt(0, 0, 0)) : List.of();
        }
        if (!operator.isEmpty()) {
            long major = p.major;
            long minor = p.xMinor() ? 0 : p.minor;
            switch (operator) {
                case ">" -> {
                    return List.of(p.xMinor() ? gte(major + 1, 0, 0, "0") : gte(major, minor + 1, 0, "0"));
                }
                case "<=" -> {
                    return List.of(p.xMinor() ? lt(major + 1, 0, 0) : lt(major, minor + 1, 0));
                }
                case "<" -> {
                    return List.of(lt(major, minor, 0));
                }
                default -> {
                    return List.of(gte(major, minor, 0, "0"));
                }
            }
        }
        if (p.xMinor()) {
            return List.of(gte(p.major, 0, 0, "0"), lt(p.major + 1, 0, 0));
        }
        return List.of(gte(p.major, p.minor, 0, "0"), lt(p.major, p.minor + 1, 0));
    }

    private static List<Comparator> hyphen(Partial from, Partial to) {
        List<Comparator> result = new ArrayList<>(2);
        if (!from.xMajor()) {
            if (from.xMinor()) {
                result.add(gte(from.major, 0, 0, "0"));
            } else if (from.xPatch()) {
                result.add(gte(from.major, from.minor, 0, "0"));
            } else {
                result.add(gte(from.major, from.minor, from.patch, from.pre.isEmpty() ? "0" : from.pre));
            }
        }
        if (!to.xMajor()) {
            if (to.xMinor()) {
                result.add(lt(to.major + 1, 0, 0));
            } else if (to.xPatch()) {
                result.add(lt(to.major, to.minor + 1, 0));
            } else if (!to.pre.isEmpty()) {
                result.add(new Comparator(Operator.LTE, to.full()));
            } else {
                result.add(lt(to.major, to.minor, to.patch + 1));
            }
        }
        return result;
    }

    private static SyntaxException mavenStyle(String input, String normal) {
        List<String> alternatives = new ArrayList<>();
        Matcher m = Grammar.MAVEN_SET.matcher(normal);
        int end = 0;
        try {
            while (m.find() && m.start() == end) {
                end = m.end();
                if (end < normal.length() && normal.charAt(end) == ',') {
                    end++;
                }
                alternatives.add(mavenSet(m));
            }
        } catch (SyntaxException e) {
            alternatives.clear();
        }
        if (alternatives.isEmpty() || end != normal.length()) {
            return new SyntaxException(input, "brackets, parentheses and commas are not part of the range syntax;"
                    + " expected " + SYNTAX);
        }
        return new SyntaxException(input, "this is a Maven-style range, which Graft does not accept because it"
                + " would be read differently; write the npm-style equivalent '" + String.join(" || ", alternatives)
                + "'. Accepted: " + SYNTAX);
    }

    private static String mavenSet(Matcher m) {
        String open = m.group(1);
        String lower = m.group(2);
        boolean comma = m.group(3) != null;
        String upper = m.group(4);
        String close = m.group(5);
        if (!comma) {
            if (!open.equals("[") || !close.equals("]") || lower.isEmpty()) {
                throw new SyntaxException(m.group(), "not a Maven range");
            }
            return Version.normalize(lower).toString();
        }
        List<String> parts = new ArrayList<>(2);
        if (!lower.isEmpty()) {
            parts.add((open.equals("[") ? ">=" : ">") + Version.normalize(lower));
        }
        if (!upper.isEmpty()) {
            parts.add((close.equals("]") ? "<=" : "<") + Version.normalize(upper));
        }
        return parts.isEmpty() ? "*" : String.join(" ", parts);
    }

    /**
     * Whether {@code version} lies in this range.
     *
     * @param version the version to test
     * @return {@code true} if the version satisfies every comparator of at least one alternative
     */
    public boolean contains(Version version) {
        for (List<Comparator> all : alternatives) {
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
        for (List<Comparator> a : alternatives) {
            for (List<Comparator> b : other.alternatives) {
                List<Comparator> both = new ArrayList<>(a);
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
    private static boolean satisfiable(List<Comparator> all) {
        Version candidate = Version.of(0, 0, 0, "0");
        for (Comparator c : all) {
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

    private static boolean satisfiesAll(List<Comparator> all, Version version) {
        for (Comparator c : all) {
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
        for (List<Comparator> all : alternatives) {
            parts.add(all.isEmpty() ? "*" : String.join(" ", all.stream().map(Comparator::toString).toList()));
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

    private enum Operator {
        LT("<"), LTE("<="), GT(">"), GTE(">="), EQ("=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        static Operator of(String symbol) {
            for (Operator op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    private record Comparator(Operator operator, Version version) {
        boolean test(Version v) {
            int c = v.compareTo(version);
            return switch (operator) {
                case LT -> c < 0;
                case LTE -> c <= 0;
                case GT -> c > 0;
                case GTE -> c >= 0;
                case EQ -> c == 0;
            };
        }

        @Override
        public String toString() {
            return operator.symbol + version;
        }
    }
}
