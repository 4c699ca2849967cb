package dev.graft.loader;

import dev.graft.format.Version;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin's state and, unless it is loaded, the reason.
 *
 * @param id the plugin id; empty when the archive was unreadable before its id was known
 * @param version the plugin version; empty when unknown
 * @param source the plugin's file or directory
 * @param state what became of it
 * @param reason why it is not loaded; empty when loaded
 */
public record PluginStatus(Optional<String> id, Optional<Version> version, Path source, PluginState state,
        String reason) {

    /** Checks that no component is null; an unknown id or version is an empty {@link Optional}. */
    public PluginStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return the id, or the file name when the id is unknown */
    public String name() {
        return id.orElseGet(() -> String.valueOf(source.getFileName()));
    }

    @Override
    public String toString() {
        return name() + version.map(v -> " " + v).orElse("") + " [" + state + "]"
                + (reason.isEmpty() ? "" : ": " + reason);
    }
}
