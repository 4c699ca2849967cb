package dev.graft.format;

/** The syntax of plugin ids, in one place. */
public final class PluginId {

    /** The accepted syntax, quoted in error messages. */
    public static final String SYNTAX = "ASCII letters (a-z, A-Z), digits (0-9), '.', '_' and '-',"
            + " starting with a letter or digit, at most 64 characters, for example lavasrc or audio-filters";

    private PluginId() {
    }

    /**
     * Checks a plugin id.
     *
     * @param id the id
     * @return the id
     * @throws SyntaxException if the id does not follow {@link #SYNTAX}
     */
    public static String check(String id) {
        if (!isValid(id)) {
            throw new SyntaxException(String.valueOf(id), "not a valid plugin id; expected " + SYNTAX);
        }
        return id;
    }

    private static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > 64 || !isAlphanumeric(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
