package dev.graft.format;

/**
 * An expression (a version, a version range, a dependency, a plugin id) that does not follow its
 * syntax. The message quotes the input, says what was expected, and for a range shows the accepted
 * syntax with an example. An input longer than 120 characters is quoted by its start and its
 * length, so that a hostile 2 MB version does not become a 2 MB message.
 */
public final class SyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final String problem;

    /**
     * @param input the text that was read
     * @param problem what is wrong with it and what was expected
     */
    public SyntaxException(String input, String problem) {
        super(quote(input) + ": " + problem);
        this.input = input;
        this.problem = problem;
    }

    /**
     * Quotes an input for a message: whole when short, else its first 100 characters and its length.
     *
     * @param input the text that was read
     * @return the quoted text
     */
    static String quote(String input) {
        return input.length() <= 120 ? "'" + input + "'"
                : "'" + input.substring(0, 100) + "...' (" + input.length() + " characters)";
    }

    /** @return the text that was read */
    public String input() {
        return input;
    }

    /** @return what is wrong with the input, without the input itself */
    public String problem() {
        return problem;
    }
}
