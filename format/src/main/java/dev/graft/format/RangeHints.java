package dev.graft.format;

import java.util.Optional;

/**
 * The messages for range mistakes with a likely intent, so that the message names the fix: a
 * doubled operator ({@code >>1}, {@code =>1}), a hyphen range missing an end ({@code 1.0.0 -}) or
 * the spaces around its {@code -} ({@code 1.0-2.0}), and the warning for {@code 4.0.0-5.0.0}, which
 * parses as one pre-release version although a hyphen range was almost certainly meant.
 */
final class RangeHints {

    private static final String OPERATOR_CHARS = "<>=~^";
    /** The longest token quoted in a tailored message; a longer one gets the general message. */
    private static final int SHORT = 120;

    private RangeHints() {
    }

    /**
     * Throws the tailored error for a token of an alternative that cannot be a comparator, before
     * its version is read.
     *
     * @param input the whole range, for messages
     * @param tokens the alternative's tokens
     * @param index the token
     * @param operator its operator, or the empty string
     * @param rest the token after the operator
     */
    static void checkToken(String input, String[] tokens, int index, String operator, String rest) {
        String token = tokens[index];
        if (token.equals("-")) {
            String problem = "a hyphen range needs both ends: 1.0.0 - 2.0.0";
            String other = tokens.length == 2 ? tokens[1 - index] : "";
            boolean pair = !other.isEmpty() && other.length() <= SHORT && Character.isDigit(other.charAt(0));
            if (pair && index == 1) {
                problem += "; '" + tokens[0] + " -' has no upper bound: write one after '-', or '>=" + tokens[0]
                        + "' for no upper bound";
            } else if (pair) {
                problem += "; '- " + tokens[1] + "' has no lower bound: write one before '-', or '<=" + tokens[1]
                        + "' for no lower bound";
            } else if (tokens.length > 2) {
                problem = "a hyphen range is two versions with ' - ' between them and nothing else in its"
                        + " alternative, for example 1.0.0 - 2.0.0";
            }
            throw error(input, problem);
        }
        if (token.length() > SHORT) {
            return;
        }
        if (!operator.isEmpty() && rest.isEmpty()) {
            throw error(input, "'" + token + "' has no version after it: write one, for example '" + operator
                    + "1.0.0'");
        }
        if (!operator.isEmpty() && OPERATOR_CHARS.indexOf(rest.charAt(0)) >= 0) {
            String second = rest.length() > 1 && rest.charAt(1) == '=' && rest.charAt(0) != '=' ? rest.substring(0, 2)
                    : rest.substring(0, 1);
            String version = rest.substring(second.length());
            while (!version.isEmpty() && OPERATOR_CHARS.indexOf(version.charAt(0)) >= 0) {
                version = version.substring(1);
            }
            String fix = operator.equals("=") && (second.equals(">") || second.equals("<")) ? second + "=" : operator;
            throw error(input, "'" + token + "' has two operators, '" + operator + "' and then '" + second
                    + "'; a comparator is one operator followed by a version: write '" + fix + version + "'");
        }
    }

    /**
     * The error for a token without operator that is not a version, when it is a hyphen range
     * missing the spaces around {@code -}: {@code 1.0-2.0}, {@code 1.0.0- 2.0.0}, {@code 1.0.0 -2.0.0}.
     *
     * @param input the whole range, for messages
     * @param tokens the alternative's tokens
     * @param index the token that is not a version
     * @return the error, or empty when the token is no such range
     */
    static Optional<SyntaxException> unspacedHyphen(String input, String[] tokens, int index) {
        String token = tokens[index];
        String fix = null;
        if (token.length() > SHORT || (tokens.length == 2 && tokens[1 - index].length() > SHORT)) {
            return Optional.empty();
        } else if (token.endsWith("-") && tokens.length == 2 && index == 0) {
            fix = bothVersions(token.substring(0, token.length() - 1), tokens[1]);
        } else if (token.startsWith("-") && tokens.length == 2 && index == 1) {
            fix = bothVersions(tokens[0], token.substring(1));
        } else if (tokens.length == 1 && token.indexOf('-') > 0) {
            int hyphen = token.indexOf('-');
            fix = bothVersions(token.substring(0, hyphen), token.substring(hyphen + 1));
        }
        return fix == null ? Optional.empty() : Optional.of(error(input, "'" + token + "' is not a version or"
                + " comparator: a hyphen range needs a space on each side of '-'; write '" + fix + "'"));
    }

    /** {@code "from - to"} when both are versions, possibly partial; else {@code null}. */
    private static String bothVersions(String from, String to) {
        try {
            RangeParser.section(from, from);
            RangeParser.section(to, to);
        } catch (SyntaxException e) {
            return null;
        }
        return isPlainVersion(from) && isPlainVersion(to) ? from + " - " + to : null;
    }

    private static boolean isPlainVersion(String text) {
        return !text.isEmpty() && Character.isDigit(text.charAt(0));
    }

    /**
     * The warning for a range that parses but was probably meant otherwise: an exact version whose
     * pre-release is itself a greater version of two or three numbers, as {@code 4.0.0-5.0.0}.
     *
     * @param text the range, with runs of whitespace collapsed
     * @return the warning, naming the token and the two ranges that were likely meant
     */
    static Optional<String> warning(String text) {
        for (String token : text.replace("||", " ").split(" ")) {
            int hyphen = token.indexOf('-');
            if (token.isEmpty() || !Character.isDigit(token.charAt(0)) || hyphen < 0 || token.indexOf('+') >= 0) {
                continue;
            }
            String from = token.substring(0, hyphen);
            String to = token.substring(hyphen + 1);
            if (!to.matches("\\d{1,9}(\\.\\d{1,9}){1,2}") || !from.matches("\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}")
                    || Version.normalize(to).compareTo(Version.parse(from)) <= 0) {
                continue;
            }
            return Optional.of("'" + token + "' is one version, " + from + " with the pre-release '" + to + "', not a"
                    + " range: only that pre-release matches, never a release; for the versions from " + from + " to "
                    + to + " write a hyphen range with a space on each side of '-', '" + from + " - " + to
                    + "' (up to and including " + to + "), or '>=" + from + " <" + Version.normalize(to) + "' (below "
                    + to + ")");
        }
        return Optional.empty();
    }

    private static SyntaxException error(String input, String problem) {
        return new SyntaxException(input, problem + "; expected " + VersionRange.SYNTAX);
    }
}
