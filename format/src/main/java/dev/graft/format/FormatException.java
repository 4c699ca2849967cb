package dev.graft.format;

/**
 * A malformed extension index or plugin manifest. The message names the file and the line, what
 * was expected there and what was found: {@code plugin.zip!classes/META-INF/graft/extensions.idx:4:
 * expected 'extension <class> ordinal=<int>', found 'extension'}.
 */
public final class FormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String problem;

    /**
     * @param source the file that was read
     * @param line the 1-based line, or 0 when the problem is the file as a whole
     * @param problem what was expected and what was found
     */
    public FormatException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** @return the file that was read */
    public String source() {
        return source;
    }

    /** @return the 1-based line, or 0 when the problem is the file as a whole */
    public int line() {
        return line;
    }

    /** @return what was expected and what was found */
    public String problem() {
        return problem;
    }

    /**
     * The same problem, in a file named otherwise: a reader that parses many files names each by
     * the path inside its archive, and gives the full name only to the one that fails.
     *
     * @param file the name to give the file
     * @return the exception with that source, its stack trace this one's
     */
    public FormatException in(String file) {
        FormatException named = new FormatException(file, line, problem);
        named.setStackTrace(getStackTrace());
        return named;
    }
}
