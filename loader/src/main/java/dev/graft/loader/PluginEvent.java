package dev.graft.loader;

import dev.graft.format.Version;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A change in a plugin's lifecycle, as {@link PluginListener}s are told it. docs/class-loading.md
 * ("Lifecycle") has the table of states and transitions.
 *
 * @param pluginId the plugin id, or the file name when the archive was unreadable before its id was known
 * @param version the plugin version; empty when unknown
 * @param source the plugin's file or directory
 * @param type what happened
 * @param reason why, for {@link Type#FAILED}, {@link Type#DISABLED} and {@link Type#UNLOADED}; empty otherwise
 */
public record PluginEvent(String pluginId, Optional<Version> version, Path source, Type type, String reason) {

    /** What happened to a plugin. */
    public enum Type {
        /** Its class loaders are built; its start hooks have not run yet. */
        LOADED,
        /** Its start hooks have run; its extensions are published to the host. */
        STARTED,
        /** It is about to be unloaded: its stop hooks run next, then its class loaders close. */
        STOPPING,
        /** Its stop hooks have run and its class loaders are closed. */
        UNLOADED,
        /** It did not load or did not start, by its own fault: {@link PluginEvent#reason()} says why. */
        FAILED,
        /** It is not loaded because the host or a switch file disabled it, or a plugin it requires did not load or start. */
        DISABLED
    }

    /** Checks that no component is null. */
    public PluginEvent {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return pluginId + version.map(v -> " " + v).orElse("") + " " + type + (reason.isEmpty() ? "" : ": " + reason);
    }
}
