package dev.graft.loader;

import dev.graft.format.Version;
import java.nio.file.Path;

/**
 * A plugin's state and, unless it is loaded, the reason.
 *
 * @param id the plugin id, or {@code null} when the archive was unreadable before its id was known
 * @param version the plugin version, or {@code null} when unknown
 * @param source the plugin's file or directory
 * @param state what became of it
 * @param reason why it is not loaded; empty when loaded
 */
public record PluginStatus(String id, Version version, Path source, PluginState state, String reason) {

    /** @return the id, or the file name when the id is unknown */
    public String name() {
        return id != null ? id : String.valueOf(source.getFileName());
    }

    @Override
    public String toString() {
        return name() + (version == null ? "" : " " + version) + " [" + state + "]"
                + (reason.isEmpty() ? "" : ": " + reason);
    }
}
