package dev.graft.loader.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The line grammar shared by the index and the manifest: each significant line is a keyword, a
 * space and a value; blank lines and lines starting with {@code #} are skipped; leading and
 * trailing whitespace is ignored.
 */
final class Lines {

    /** One significant line. */
    record Line(int number, String keyword, String value, String text) {
    }

    private Lines() {
    }

    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            number++;
            String raw = text.substring(start, end).strip();
            if (!raw.isEmpty() && raw.charAt(0) != '#') {
                int space = indexOfWhitespace(raw);
                String keyword = space < 0 ? raw : raw.substring(0, space);
                String value = space < 0 ? "" : raw.substring(space + 1).strip();
                lines.add(new Line(number, keyword, value, raw));
            }
            start = end + 1;
        }
        return lines;
    }

    static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Checks the header line, {@code <name> <version>}, and returns the lines after it. */
    static List<Line> afterHeader(List<Line> lines, String source, String name, int version) {
        String expected = "the header '" + name + " " + version + "'";
        if (lines.isEmpty()) {
            throw new FormatException(source, 0, "expected " + expected + ", found an empty file");
        }
        Line first = lines.get(0);
        if (!first.keyword().equals(name)) {
            throw new FormatException(source, first.number(), "expected " + expected + ", found '" + shorten(first.text()) + "'");
        }
        if (!first.value().equals(Integer.toString(version))) {
            throw new FormatException(source, first.number(), "unsupported format version '" + shorten(first.value())
                    + "': this loader reads " + name + " " + version);
        }
        return lines.subList(1, lines.size());
    }

    /** Quotes found text in messages, cut to a readable length. */
    static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
