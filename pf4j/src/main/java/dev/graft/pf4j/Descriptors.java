package dev.graft.pf4j;

import dev.graft.format.Dependency;
import dev.graft.format.VersionRange;
import dev.graft.loader.LoadedPlugin;
import java.util.Map;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;

/** A loaded plugin's descriptor as pf4j's {@code PluginDescriptor}: Graft's manifest and the pf4j entries it keeps. */
final class Descriptors {

    private Descriptors() {
    }

    static PluginDescriptor of(LoadedPlugin plugin) {
        Map<String, String> pf4j = plugin.pf4jDescriptor();
        DefaultPluginDescriptor descriptor = new DefaultPluginDescriptor(plugin.id(),
                pf4j.getOrDefault("plugin.description", ""), pf4j.get("plugin.class"), plugin.version().toString(),
                plugin.manifest().requires().equals(VersionRange.ANY) ? "*" : plugin.manifest().requires().toString(),
                pf4j.getOrDefault("plugin.provider", ""), pf4j.getOrDefault("plugin.license", ""));
        for (Dependency d : plugin.manifest().dependencies()) {
            String range = d.range().equals(VersionRange.ANY) ? "*" : d.range().toString();
            descriptor.addDependency(new PluginDependency(d.pluginId() + (d.optional() ? "?" : "") + "@" + range));
        }
        return descriptor;
    }
}
