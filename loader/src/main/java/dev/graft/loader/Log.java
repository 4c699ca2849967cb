package dev.graft.loader;

/**
 * The loader's logger, {@code dev.graft.loader}, obtained on first use.
 *
 * <p>{@link System#getLogger(String)} looks up a {@code LoggerFinder} service and, without one,
 * starts {@code java.util.logging}: about 17 ms and 150 classes in a cold JVM, more than loading a
 * hundred plugins. A load that goes well logs nothing, so it never pays for that.
 */
final class Log {

    private Log() {
    }

    /** Holds the logger; initialised by the first call that logs. */
    private static final class Holder {
        static final System.Logger LOGGER = System.getLogger("dev.graft.loader");
    }

    /**
     * Logs a message with {@link java.text.MessageFormat} parameters.
     *
     * @param level the level
     * @param format the message, with {@code {0}}-style parameters
     * @param params the parameters
     */
    static void log(System.Logger.Level level, String format, Object... params) {
        Holder.LOGGER.log(level, format, params);
    }

    /**
     * Logs a message and the throwable that caused it.
     *
     * @param level the level
     * @param message the message
     * @param thrown the cause
     */
    static void log(System.Logger.Level level, String message, Throwable thrown) {
        Holder.LOGGER.log(level, message, thrown);
    }
}
