package dev.graft.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parser of {@link VersionRange}'s grammar: reads each alternative's comparators and reduces
 * caret, tilde, X- and hyphen ranges to plain comparators. None of the patterns repeats a group:
 * the versions in a range are read by {@link #partial(String, String)} with {@link Version}'s
 * scanner, because a pattern such as {@code (?:\\.PRE)*} recurses once per identifier and
 * overflowed the stack on a long pre-release.
 */
final class RangeParser {

    private static final Pattern OPERATOR = Pattern.compile("(<=|>=|<|>|=|~|\\^)?(.*)", Pattern.DOTALL);
    private static final Pattern SPACE_AFTER_OPERATOR = Pattern.compile("(<=|>=|<|>|=|~|\\^)\\s+");
    private static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");

    private RangeParser() {
    }

    /**
     * The comparators of one alternative (the text between two {@code ||}).
     *
     * @param input the whole range, for messages
     * @param section the alternative, trimmed and with runs of whitespace collapsed
     * @return its comparators, all of which a version must satisfy
     * @throws SyntaxException if the alternative does not follow the grammar
     */
    static List<RangeComparator> section(String input, String section) {
        Matcher hyphen = HYPHEN.matcher(section);
        if (hyphen.matches()) {
            return hyphen(partial(input, hyphen.group(1)), partial(input, hyphen.group(2)));
        }
        List<RangeComparator> all = new ArrayList<>();
        String[] tokens = SPACE_AFTER_OPERATOR.matcher(section).replaceAll("$1").split(" ");
        for (int i = 0; i < tokens.length; i++) {
            Matcher op = OPERATOR.matcher(tokens[i]);
            op.matches();
            String operator = op.group(1) == null ? "" : op.group(1);
            RangeHints.checkToken(input, tokens, i, operator, op.group(2));
            Partial partial;
            try {
                partial = partial(input, op.group(2));
            } catch (SyntaxException e) {
                throw operator.isEmpty() ? RangeHints.unspacedHyphen(input, tokens, i).orElse(e) : e;
            }
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
                    + " characters, the longest version Graft accepts (as node-semver); expected " + VersionRange.SYNTAX);
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
            throw new SyntaxException(input, "'" + token + "' is not a version or comparator; expected " + VersionRange.SYNTAX);
        }
        String major = parts[0];
        String minor = parts[1];
        String patch = parts[2];
        if ((isX(major) && minor != null && !isX(minor)) || (isX(minor) && patch != null && !isX(patch))) {
            throw new SyntaxException(input, "'" + token + "' has a number after a wildcard; expected " + VersionRange.SYNTAX);
        }
        if (pre != null && isX(patch)) {
            throw new SyntaxException(input, "'" + token + "' has a pre-release after a wildcard; expected " + VersionRange.SYNTAX);
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

    private static RangeComparator gte(long major, long minor, long patch, String pre) {
        return new RangeComparator(RangeComparator.Operator.GTE, Version.of(major, minor, patch, pre));
    }

    private static RangeComparator lt(long major, long minor, long patch) {
        return new RangeComparator(RangeComparator.Operator.LT, Version.of(major, minor, patch, "0"));
    }

    // The reductions below follow node-semver's replaceCaret, replaceTilde, replaceXRange and
    // hyphenReplace with includePrerelease = true.

    private static List<RangeComparator> caret(Partial p) {
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
        RangeComparator from = gte(p.major, p.minor, p.patch, p.pre);
        RangeComparator to = p.major > 0 ? lt(p.major + 1, 0, 0)
                : p.minor > 0 ? lt(0, p.minor + 1, 0)
                : lt(0, 0, p.patch + 1);
        return List.of(from, to);
    }

    private static List<RangeComparator> tilde(Partial p) {
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

    private static List<RangeComparator> xRange(String operator, Partial p) {
        boolean anyX = p.xMajor() || p.xMinor() || p.xPatch();
        if (!anyX) {
            RangeComparator.Operator op = operator.isEmpty() ? RangeComparator.Operator.EQ
                    : RangeComparator.Operator.of(operator);
            return List.of(new RangeComparator(op, p.full()));
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

    private static List<RangeComparator> hyphen(Partial from, Partial to) {
        List<RangeComparator> result = new ArrayList<>(2);
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
                result.add(new RangeComparator(RangeComparator.Operator.LTE, to.full()));
            } else {
                result.add(lt(to.major, to.minor, to.patch + 1));
            }
        }
        return result;
    }

}
