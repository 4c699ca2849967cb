package dev.graft.loader;

import java.util.regex.Pattern;

/** The syntax of plugin ids, in one place. */
public final class PluginId {

    /** The accepted syntax, quoted in error messages. */
    public static final String SYNTAX = "letters, digits, '.', '_' and '-', starting with a letter or digit,"
            + " at most 64 characters, for example lavasrc or audio-filters";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

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
        if (id == null || !ID.matcher(id).matches()) {
            throw new SyntaxException(String.valueOf(id), "not a valid plugin id; expected " + SYNTAX);
        }
        return id;
    }
}
