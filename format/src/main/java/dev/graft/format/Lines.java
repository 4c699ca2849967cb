package dev.graft.format;

/**
 * The line grammar shared by the index and the manifest: each significant line is a keyword, a
 * space and a value; blank lines and lines starting with {@code #} are skipped; leading and
 * trailing whitespace is ignored.
 *
 * <p>A cursor rather than a list of line objects: reading the indexes and manifests of a thousand
 * plugins is a measurable part of a cold start (docs/BENCHMARKS.md), so a line's keyword is
 * compared in place and only the values a parser keeps are cut from the text.
 */
final class Lines {

    private final String text;
    private int next;
    private int number;
    private int from;
    private int keywordEnd;
    private int valueStart;
    private int to;

    private Lines(String text) {
        this.text = text;
    }

    /**
     * A cursor before the first line of a file.
     *
     * @param text the file
     * @return the cursor; call {@link #advance()} to reach the first significant line
     */
    static Lines of(String text) {
        return new Lines(text);
    }

    /**
     * Moves to the next significant line.
     *
     * @return {@code false} when there is none
     */
    boolean advance() {
        int length = text.length();
        while (next <= length) {
            int end = text.indexOf('\n', next);
            if (end < 0) {
                end = length;
            }
            number++;
            int start = skipWhitespace(text, next, end);
            next = end + 1;
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (start < end && text.charAt(start) != '#') {
                from = start;
                to = end;
                keywordEnd = -1; // found when asked: is(...) recognises a keyword without scanning for its end
                return true;
            }
        }
        return false;
    }

    /** @return the line number, from 1 */
    int number() {
        return number;
    }

    /** @return whether the line's keyword is {@code keyword} */
    boolean is(String keyword) {
        int end = from + keyword.length();
        if (keywordEnd >= 0) {
            return keywordEnd == end && text.startsWith(keyword, from);
        }
        if (end > to || !text.startsWith(keyword, from) || (end < to && !Character.isWhitespace(text.charAt(end)))) {
            return false;
        }
        keywordEnd = end;
        valueStart = skipWhitespace(text, end, to);
        return true;
    }

    /** Finds the keyword's end and the value's start, if {@link #is} has not. */
    private void split() {
        if (keywordEnd < 0) {
            int space = indexOfWhitespace(text, from, to);
            keywordEnd = space < 0 ? to : space;
            valueStart = skipWhitespace(text, keywordEnd, to);
        }
    }

    /** @return the line's keyword */
    String keyword() {
        split();
        return text.substring(from, keywordEnd);
    }

    /** @return the line's value, without surrounding whitespace; empty if there is none */
    String value() {
        split();
        return text.substring(valueStart, to);
    }

    /** @return the line without leading and trailing whitespace, for messages */
    String text() {
        return text.substring(from, to);
    }

    /** @return the file the cursor walks */
    String file() {
        return text;
    }

    /** @return where the value starts in {@link #file()} */
    int valueStart() {
        split();
        return valueStart;
    }

    /** @return where the line ends in {@link #file()}, trailing whitespace excluded */
    int end() {
        return to;
    }

    /**
     * A number of one to nine ASCII digits, read in place.
     *
     * @return its value, or -1 for anything else (a sign, more digits, other characters): parse
     *     that with {@link Integer#parseInt(CharSequence, int, int, int)}
     */
    static int digits(String s, int from, int to) {
        if (to <= from || to - from > 9) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The first whitespace character of {@code s} in [{@code from}, {@code to}), or -1. */
    static int indexOfWhitespace(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The first character of {@code s} in [{@code from}, {@code to}) that is not whitespace, or {@code to}. */
    static int skipWhitespace(String s, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Checks the header line, {@code <name> <version>}, and returns a cursor over the lines after it.
     */
    static Lines afterHeader(String text, String source, String name, int version) {
        Lines lines = of(text);
        if (!lines.advance()) {
            throw new FormatException(source, 0, "expected " + header(name, version) + ", found an empty file");
        }
        if (!lines.is(name)) {
            throw new FormatException(source, lines.number(), "expected " + header(name, version) + ", found '"
                    + shorten(lines.text()) + "'");
        }
        if (!lines.valueIs(version)) {
            String value = lines.value();
            throw new FormatException(source, lines.number(), "unsupported format version '" + shorten(value)
                    + "': this loader reads " + name + " " + version);
        }
        return lines;
    }

    private static String header(String name, int version) {
        return "the header '" + name + " " + version + "'";
    }

    /** Whether the value is this number; a single digit is compared in place. */
    private boolean valueIs(int number) {
        split();
        if (number >= 0 && number <= 9) {
            return to - valueStart == 1 && text.charAt(valueStart) == (char) ('0' + number);
        }
        return value().equals(Integer.toString(number));
    }

    /** Quotes found text in messages, cut to a readable length. */
    static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
