package dev.graft.processor;

import dev.graft.format.Dependency;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code @Plugin} of the compilation declares, as far as it is valid: invalid parts were
 * reported as errors and are left out (or {@code null}), so that the processor writes nothing.
 *
 * @param packageName the package carrying {@code @Plugin}
 * @param id the plugin id as written
 * @param version the plugin version, or {@code null} when it is missing or invalid
 * @param requires the host versions, {@link VersionRange#ANY} when none (or an invalid one) is given
 * @param dependencies the valid plugin-level dependencies
 * @param exports the valid exported package patterns
 */
record PluginDeclaration(String packageName, String id, Version version, VersionRange requires,
        List<Dependency> dependencies, List<String> exports) {

    /** Copies the lists. */
    PluginDeclaration {
        dependencies = List.copyOf(dependencies);
        exports = List.copyOf(exports);
    }

    /**
     * @param pluginId another plugin
     * @return this plugin's own dependency on it; empty if it names none
     */
    Optional<Dependency> dependencyOn(String pluginId) {
        for (Dependency d : dependencies) {
            if (d.pluginId().equals(pluginId)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
