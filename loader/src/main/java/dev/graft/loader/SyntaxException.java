package dev.graft.loader;

/**
 * An expression (a version, a version range, a dependency, a plugin id) that does not follow its
 * syntax. The message quotes the input, says what was expected, and for a range shows the accepted
 * syntax with an example.
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
        super("'" + input + "': " + problem);
        this.input = input;
        this.problem = problem;
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
