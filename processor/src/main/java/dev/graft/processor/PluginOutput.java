package dev.graft.processor;

import dev.graft.format.Dependency;
import dev.graft.format.ExtensionDescriptor;
import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import dev.graft.format.PluginManifest;
import dev.graft.format.VersionRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns what was collected into the text of the extension index and of the plugin manifest. */
final class PluginOutput {

    private PluginOutput() {
    }

    /**
     * @param extensions the extensions, with their points
     * @param dependencies the valid dependencies of each extension, by canonical class name
     * @return the index: one entry per point and extension, written by {@link IndexFormat}
     */
    static String index(Collection<ExtensionCandidate> extensions, Map<String, List<Dependency>> dependencies) {
        List<ExtensionDescriptor> descriptors = new ArrayList<>();
        for (ExtensionCandidate extension : extensions) {
            for (PointRef point : extension.points()) {
                descriptors.add(new ExtensionDescriptor(point.binaryName(), extension.binaryName(), extension.ordinal(),
                        dependencies.getOrDefault(extension.name(), List.of())));
            }
        }
        return IndexFormat.write(descriptors);
    }

    /**
     * @param plugin a valid plugin declaration
     * @param dependencies the dependencies of each extension
     * @param javaRelease the Java release the classes are compiled for (the compilation's source
     *     version; {@code --release N} sets both)
     * @return the manifest, written by {@link ManifestFormat}: the plugin's own dependencies, plus an
     *     optional dependency without a range on each plugin that only extensions need, so that
     *     the loader loads it first
     */
    static String manifest(PluginDeclaration plugin, Map<String, List<Dependency>> dependencies, int javaRelease) {
        Map<String, Dependency> all = new TreeMap<>();
        plugin.dependencies().forEach(d -> all.put(d.pluginId(), d));
        dependencies.values().stream().flatMap(List::stream).forEach(d ->
                all.putIfAbsent(d.pluginId(), new Dependency(d.pluginId(), true, VersionRange.ANY)));
        return ManifestFormat.write(new PluginManifest(plugin.id(), plugin.version(), plugin.requires(),
                List.copyOf(all.values()), plugin.exports(), javaRelease));
    }
}
