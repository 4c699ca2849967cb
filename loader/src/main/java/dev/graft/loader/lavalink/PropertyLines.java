package dev.graft.loader.lavalink;

/**
 * Finds the line of a key in a properties file, for messages: {@link java.util.Properties} reports
 * none. It follows the format's logical lines (comments starting with {@code #} or {@code !}, a
 * line ending in an odd number of backslashes continued on the next) and keys written without
 * escapes, which is how descriptors are written; one pass, no allocation.
 */
final class PropertyLines {

    private PropertyLines() {
    }

    /**
     * @param text the file, decoded as {@code Properties} decodes it
     * @param key the key, without escapes
     * @return the 1-based line where the last logical line setting {@code key} starts (the one
     *     {@code Properties} keeps), or 0 if none is written plainly
     */
    static int lineOf(String text, String key) {
        int found = 0;
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = line;
            int k = i;
            while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\f')) {
                k++;
            }
            boolean comment = k < n && (text.charAt(k) == '#' || text.charAt(k) == '!');
            if (!comment && text.startsWith(key, k)
                    && (k + key.length() == n || " \t\f=:\r\n".indexOf(text.charAt(k + key.length())) >= 0)) {
                found = start;
            }
            boolean continued;
            do { // to the end of this logical line
                int end = i;
                while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
                int backslashes = 0;
                for (int b = end - 1; b >= i && text.charAt(b) == '\\'; b--) {
                    backslashes++;
                }
                continued = !comment && backslashes % 2 == 1;
                if (end + 1 < n && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n') {
                    end++;
                }
                i = end + 1;
                line++;
            } while (continued && i < n);
        }
        return found;
    }
}
