package dev.graft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.it.host.Probe;
import dev.graft.loader.ExtensionIndex;
import dev.graft.loader.ExtensionStatus;
import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.testing.TestPlugin;
import dev.graft.processor.GraftProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins compiled by graft-processor in temporary folders, packaged in each layout, and loaded
 * by graft-loader: what the processor writes is what the loader reads.
 */
class ProcessorToLoaderTest {

    @TempDir
    Path tmp;

    private TestPlugin plugin(String name, String version) {
        return TestPlugin.in(tmp, name).processor(new GraftProcessor(), "-Agraft.version=" + version);
    }

    private static String probe(String pkg, String cls, String annotation, String name) {
        return "package " + pkg + ";\n"
                + annotation + "\n"
                + "public class " + cls + " implements dev.graft.it.host.Probe {\n"
                + "  public String name() { return \"" + name + "\"; }\n"
                + "  public String report(dev.graft.it.host.Host host) { return \"ok\"; }\n"
                + "}\n";
    }

    @Test
    void loadsWhatTheProcessorWroteInEveryLayout() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        TestPlugin api = plugin("api", "2.3-SNAPSHOT")
                .java("acme.api.package-info", "@dev.graft.Plugin(id = \"acme-api\", exports = \"acme.api.spi\")\n"
                        + "package acme.api;")
                .java("acme.api.spi.Codec", "package acme.api.spi; @dev.graft.ExtensionPoint public interface Codec {"
                        + " String encode(String s); }")
                .java("acme.api.Outer", "package acme.api; public class Outer {\n"
                        + "  @dev.graft.Extension(ordinal = 5) public static class Nested implements dev.graft.it.host.Probe {"
                        + "    public String name() { return \"nested\"; }"
                        + "    public String report(dev.graft.it.host.Host h) {"
                        + "      return String.valueOf(h.extensions(acme.api.spi.Codec.class).size()); } } }");
        api.zip(dir);
        plugin("codecs", "1.0.0").classpath(api.classes())
                .java("acme.codecs.package-info", "@dev.graft.Plugin(id = \"codecs\", dependencies = \"acme-api@^2.3.0-0\")\n"
                        + "package acme.codecs;")
                .java("acme.codecs.Upper", "package acme.codecs; @dev.graft.Extension public class Upper implements"
                        + " acme.api.spi.Codec { public String encode(String s) { return s.toUpperCase(); } }")
                .directory(dir);
        plugin("extras", "1.0.0").classpath(api.classes())
                .java("acme.extras.package-info", "@dev.graft.Plugin(id = \"extras\")\npackage acme.extras;")
                .java("acme.extras.Lower", "package acme.extras; @dev.graft.Extension(dependency = \"acme-api@^2.3.0-0\")"
                        + " public class Lower implements acme.api.spi.Codec {"
                        + " public String encode(String s) { return s.toLowerCase(); } }")
                .java("acme.extras.Later", probe("acme.extras", "Later", "@dev.graft.Extension(dependency = \"missing\","
                        + " ordinal = 9)", "later"))
                .java("acme.extras.Always", probe("acme.extras", "Always", "@dev.graft.Extension(ordinal = -1)", "always"))
                .jar(dir);
        try (PluginRuntime runtime = ScenarioPlugins.host(dir).build()) {
            assertEquals(List.of("acme-api", "codecs", "extras"),
                    runtime.loadedPlugins().stream().map(LoadedPlugin::id).toList(), "extras' derived 'acme-api?' orders it");
            assertEquals("2.3.0-SNAPSHOT", runtime.plugin("acme-api").orElseThrow().version().toString());
            assertEquals(List.of("acme-api"), runtime.plugin("extras").orElseThrow().linkedDependencies());
            assertEquals(List.of("always", "nested"), runtime.extensions(Probe.class).stream().map(Probe::name).toList());
            assertEquals("2", ScenarioPlugins.reports(runtime).get("nested"), "the API plugin sees both codecs");
            ExtensionStatus later = runtime.describe(Probe.class.getName()).get(2);
            assertEquals("acme.extras.Later", later.className());
            assertEquals("needs plugin 'missing', which is not installed", later.reason());
            ExtensionIndex index = ExtensionIndex.read(runtime.plugin("acme-api").orElseThrow().classLoader());
            assertEquals("acme.api.Outer$Nested", index.entries(Probe.class).get(0).className());
            assertEquals(5, index.entries(Probe.class).get(0).ordinal());
            assertTrue(index.points().contains(Probe.class.getName()));
        }
    }
}
