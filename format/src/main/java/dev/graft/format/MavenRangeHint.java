package dev.graft.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message for a Maven- or Ivy-style range such as {@code [1.0,2.0)}, which {@link VersionRange}
 * rejects: it names the npm-style equivalent when there is one.
 */
final class MavenRangeHint {

    private static final Pattern MAVEN_SET = Pattern.compile(
            "\\s*([\\[(\\]])\\s*([^,\\[\\]()]*?)\\s*(?:(,)\\s*([^,\\[\\]()]*?)\\s*)?([\\])\\[])\\s*");

    private MavenRangeHint() {
    }

    /**
     * The error for a range that holds brackets, parentheses or commas.
     *
     * @param input the range as written
     * @param normal the range, trimmed and with runs of whitespace collapsed
     * @return the error, with the npm-style equivalent when {@code normal} is a Maven range
     */
    static SyntaxException error(String input, String normal) {
        List<String> alternatives = new ArrayList<>();
        Matcher m = MAVEN_SET.matcher(normal);
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
                    + " expected " + VersionRange.SYNTAX);
        }
        return new SyntaxException(input, "this is a Maven-style range, which Graft does not accept because it"
                + " would be read differently; write the npm-style equivalent '" + String.join(" || ", alternatives)
                + "'. Accepted: " + VersionRange.SYNTAX);
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

}
