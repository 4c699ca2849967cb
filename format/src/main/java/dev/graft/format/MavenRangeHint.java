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
        if (!normal.matches(".*[\\[\\]()].*")) {
            return new SyntaxException(input, "commas are not part of the range syntax: npm ranges use a space for"
                    + " AND and '||' for OR" + commaFix(normal) + ". Accepted: " + VersionRange.SYNTAX);
        }
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

    /**
     * The npm forms of a comma list such as {@code >=1.0, <2.0} or {@code 1.0,2.0}, each part a
     * range; empty when a part is not.
     */
    private static String commaFix(String normal) {
        if (normal.length() > 120) {
            return "";
        }
        String[] parts = normal.split("\\s*,\\s*", -1);
        List<String> bare = new ArrayList<>();
        try {
            for (String part : parts) {
                VersionRange.parse(part);
                if (part.matches("\\d[0-9.]*")) {
                    bare.add(Version.normalize(part).toString());
                }
            }
        } catch (SyntaxException e) {
            return "";
        }
        if (bare.size() < parts.length) {
            return "; write '" + String.join(" ", parts) + "' for all of them, or '" + String.join(" || ", parts)
                    + "' for any";
        }
        String either = String.join(" || ", bare);
        if (bare.size() == 2 && Version.parse(bare.get(0)).compareTo(Version.parse(bare.get(1))) < 0) {
            return "; write '>=" + bare.get(0) + " <" + bare.get(1) + "' for the versions from " + bare.get(0)
                    + " below " + bare.get(1) + ", or '" + either + "' for either";
        }
        return "; write '" + either + "' for any of them";
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
