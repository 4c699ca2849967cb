package dev.graft.format;

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
        return name != null && !name.isEmpty() && binaryNameEnd(name, 0, name.length()) == name.length();
    }

    /**
     * Reads a binary class name in place: the text from {@code from} up to the first whitespace
     * (or {@code to}), checked in the same pass that finds its end. ASCII is judged here; other
     * characters by {@link Character}'s identifier rules, ignorable ones refused.
     *
     * @param s the text
     * @param from where the name starts
     * @param to where the line ends
     * @return where the name ends, or -1 if the text there is not a binary name
     */
    static int binaryNameEnd(String s, int from, int to) {
        boolean start = true;
        int i = from;
        while (i < to) {
            char ascii = s.charAt(i);
            if (ascii < 128) {
                if (ascii == '.') {
                    if (start) {
                        return -1;
                    }
                    start = true;
                } else if ((ascii >= 'a' && ascii <= 'z') || (ascii >= 'A' && ascii <= 'Z') || ascii == '_'
                        || ascii == '$' || (!start && ascii >= '0' && ascii <= '9')) {
                    start = false;
                } else if (Character.isWhitespace(ascii)) {
                    break;
                } else {
                    return -1;
                }
                i++;
                continue;
            }
            int c = s.codePointAt(i);
            if (Character.isWhitespace(c)) {
                break;
            }
            if (Character.isIdentifierIgnorable(c)
                    || !(start ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c))) {
                return -1;
            }
            start = false;
            i += Character.charCount(c);
        }
        return start ? -1 : i;
    }

    /**
     * @param name a candidate package name
     * @return whether it is dot-separated Java identifiers without {@code $}
     */
    public static boolean isPackageName(String name) {
        return isBinaryName(name) && name.indexOf('$') < 0;
    }
}
