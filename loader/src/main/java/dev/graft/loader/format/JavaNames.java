package dev.graft.loader.format;

/**
 * The syntax of the Java names that Graft's files carry: binary class names
 * ({@code com.example.Outer$Nested}) and package names. Identifier characters that Java ignores
 * (control and format characters such as U+0000) are refused, so that two names that look alike
 * are never different names.
 */
public final class JavaNames {

    private JavaNames() {
    }

    /**
     * @param name a candidate binary class name
     * @return whether it is dot-separated Java identifiers ({@code $} allowed)
     */
    public static boolean isBinaryName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        boolean start = true;
        for (int i = 0; i < name.length(); ) {
            char ascii = name.charAt(i);
            if (ascii < 128) {
                i++;
                if (ascii == '.') {
                    if (start) {
                        return false;
                    }
                    start = true;
                } else if ((ascii >= 'a' && ascii <= 'z') || (ascii >= 'A' && ascii <= 'Z') || ascii == '_'
                        || ascii == '$' || (!start && ascii >= '0' && ascii <= '9')) {
                    start = false;
                } else {
                    return false;
                }
                continue;
            }
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (c == '.') {
                if (start) {
                    return false;
                }
                start = true;
                continue;
            }
            if (Character.isIdentifierIgnorable(c)
                    || !(start ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c))) {
                return false;
            }
            start = false;
        }
        return !start;
    }

    /**
     * Reads a binary class name in place: the text from {@code from} up to the first whitespace
     * (or {@code to}), checked as {@link #isBinaryName} checks it, in the same pass that finds its
     * end.
     *
     * @param s the text
     * @param from where the name starts
     * @param to where the line ends
     * @return where the name ends, or -1 if the text there is not a binary name
     */
    static int binaryNameEnd(String s, int from, int to) {
        boolean start = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                int end = Lines.indexOfWhitespace(s, i, to);
                end = end < 0 ? to : end;
                return isBinaryName(s.substring(from, end)) ? end : -1;
            }
            if (c == '.') {
                if (start) {
                    return -1;
                }
                start = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'
                    || (!start && c >= '0' && c <= '9')) {
                start = false;
            } else if (Lines.isWhitespace(c)) {
                return start ? -1 : i;
            } else {
                return -1;
            }
        }
        return start ? -1 : to;
    }

    /**
     * @param name a candidate package name
     * @return whether it is dot-separated Java identifiers without {@code $}
     */
    public static boolean isPackageName(String name) {
        return isBinaryName(name) && name.indexOf('$') < 0;
    }
}
