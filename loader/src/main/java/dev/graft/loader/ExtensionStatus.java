package dev.graft.loader;

/**
 * One extension of a point as the runtime sees it: active, skipped because a plugin it needs is
 * absent or out of range, or failed.
 *
 * @param point the binary name of the extension point
 * @param pluginId the plugin it belongs to
 * @param className the binary name of the extension class
 * @param ordinal its ordinal
 * @param state its state
 * @param reason why it is skipped or failed; empty when active
 */
public record ExtensionStatus(String point, String pluginId, String className, int ordinal, State state, String reason) {

    /** What the runtime does with an extension. */
    public enum State {
        /** Its dependencies hold; it is returned by {@link PluginRuntime#extensions(Class)}. */
        ACTIVE,
        /** A plugin it needs is not loaded, or not in range; its class is never loaded. */
        SKIPPED,
        /** Its class could not be loaded or its instance created. */
        FAILED
    }

    @Override
    public String toString() {
        return className + " (plugin " + pluginId + ", ordinal " + ordinal + ") " + state
                + (reason.isEmpty() ? "" : ": " + reason);
    }
}
