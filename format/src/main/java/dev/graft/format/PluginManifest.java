package dev.graft.format;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a plugin declares about itself: written by the Graft processor to
 * {@code META-INF/graft/plugin.manifest}, or read from a pf4j manifest.
 *
 * @param id the plugin id
 * @param version the plugin version
 * @param requires the host versions the plugin runs on; {@link VersionRange#ANY} when unrestricted
 * @param dependencies the plugins it depends on, each id at most once; those its extensions need
 *     appear as optional dependencies without a range, so that they load first
 * @param exports the packages visible to plugins that depend on this one; empty to export every
 *     package of the plugin's own classes. A name ending in {@code .*} also covers subpackages.
 * @param javaRelease the Java feature release the plugin's classes are compiled for ({@code 17}), or
 *     {@code 0} when unknown (pf4j plugins); a JVM older than that cannot load the plugin
 */
public record PluginManifest(String id, Version version, VersionRange requires, List<Dependency> dependencies,
        List<String> exports, int javaRelease) {

    /**
     * Creates a manifest, checking that no dependency is named twice and none names the plugin
     * itself.
     */
    public PluginManifest {
        PluginId.check(id);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(requires, "requires");
        dependencies = List.copyOf(dependencies);
        exports = List.copyOf(exports);
        Set<String> seen = dependencies.isEmpty() ? Set.of() : new HashSet<>();
        for (Dependency d : dependencies) {
            if (d.pluginId().equals(id)) {
                throw new IllegalArgumentException("plugin '" + id + "' depends on itself");
            }
            if (!seen.add(d.pluginId())) {
                throw new IllegalArgumentException("plugin '" + id + "' names dependency '" + d.pluginId() + "' twice");
            }
        }
        for (String export : exports) {
            PackagePattern.check(export);
        }
        if (javaRelease < 0) {
            throw new IllegalArgumentException("plugin '" + id + "': Java release " + javaRelease + " is negative");
        }
    }

    /**
     * A manifest that does not say which Java release the plugin needs.
     *
     * @param id the plugin id
     * @param version the plugin version
     * @param requires the host versions the plugin runs on
     * @param dependencies the plugins it depends on
     * @param exports the packages it exports
     */
    public PluginManifest(String id, Version version, VersionRange requires, List<Dependency> dependencies,
            List<String> exports) {
        this(id, version, requires, dependencies, exports, 0);
    }

    /**
     * Finds the dependency on a plugin.
     *
     * @param pluginId the plugin depended on
     * @return the dependency; empty if this plugin does not name it
     */
    public Optional<Dependency> dependencyOn(String pluginId) {
        for (Dependency d : dependencies) {
            if (d.pluginId().equals(pluginId)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
