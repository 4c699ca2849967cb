package dev.graft.loader;

/**
 * Which throwables become a plugin's or an extension's failure, and which reach the host.
 *
 * <p>Whatever one plugin's files or code throw is that plugin's failure: exceptions, linkage
 * errors, assertion errors, {@link StackOverflowError} (the stack has unwound by the time it is
 * caught, so the thread is as good as before) and {@link OutOfMemoryError} (what the failed work
 * allocated is garbage once it is caught; the JVM's own policies, such as
 * {@code -XX:+ExitOnOutOfMemoryError} or a heap dump, act when it is thrown, before Graft sees it).
 * The two remaining {@link VirtualMachineError}s, {@link InternalError} and {@link UnknownError},
 * say that the JVM itself is broken: they reach the host. The rules and their reasons are in
 * {@code docs/class-loading.md}.
 */
final class Containment {

    private Containment() {
    }

    /**
     * Whether a throwable is a plugin's failure rather than the JVM's.
     *
     * @param t what was thrown while reading, linking or creating something of one plugin
     * @return {@code false} for {@link InternalError} and {@link UnknownError}
     */
    static boolean contained(Throwable t) {
        return !(t instanceof VirtualMachineError) || t instanceof StackOverflowError
                || t instanceof OutOfMemoryError;
    }

    /**
     * Rethrows a throwable that is not contained.
     *
     * @param t what was caught
     * @throws Error {@code t} itself, when it is not {@linkplain #contained contained}
     */
    static void rethrowIfFatal(Throwable t) {
        if (!contained(t)) {
            throw (Error) t;
        }
    }

    /**
     * A throwable as a message: the message of an exception that has one, otherwise (an error, an
     * exception without a message, a missing file whose message is only its path) its class too.
     *
     * @param t what was caught
     * @return the message
     */
    static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isEmpty() || t instanceof Error || t instanceof java.nio.file.NoSuchFileException) {
            return t.toString();
        }
        return m;
    }
}
