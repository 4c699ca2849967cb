package dev.graft.loader;

/**
 * An extension that cannot be loaded or created: its class is missing or does not implement the
 * point, its static initialiser or constructor threw, or the factory failed. The message names the
 * plugin and the class. {@link PluginRuntime#extensions(Class)} reports these and skips the
 * extension; {@link ExtensionEntry#instance(Class)} throws them.
 */
public final class ExtensionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the plugin and the class
     * @param cause the underlying failure, or {@code null}
     */
    public ExtensionException(String message, Throwable cause) {
        super(message, cause);
    }
}
