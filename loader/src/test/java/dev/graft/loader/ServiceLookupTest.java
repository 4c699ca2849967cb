package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.TestPlugin;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ServiceLoader inside a plugin, in a host that has its own copy of the library and its own
 * providers (a Spring Boot host with Jackson's parameter-names module, say): the plugin gets the
 * providers it can load as the type it sees, its own first; the host's only when the service type
 * itself comes from the host.
 */
class ServiceLookupTest {

    @TempDir
    Path tmp;

    /** Lists the providers a ServiceLoader finds, or the error it throws, by class and loader. */
    private static final String LISTER = "package svc; import java.util.*;"
            + " public final class Lister { private Lister() {}"
            + " public static <S> String names(ServiceLoader<S> loader) {"
            + "   List<String> names = new ArrayList<>();"
            + "   try { for (S s : loader) names.add(s.getClass().getName() + \"@\" + s.getClass().getClassLoader().getName()); }"
            + "   catch (ServiceConfigurationError e) { names.add(\"error: \" + e.getMessage()); }"
            + "   return String.join(\",\", names); } }";

    private Path jar(String name, Map<String, String> sources, Map<String, String> resources, Path... classpath) {
        TestPlugin lib = TestPlugin.in(tmp, name).classpath(classpath);
        sources.forEach(lib::java);
        resources.forEach(lib::resource);
        return TestPlugin.Jars.write(tmp.resolve(name + ".jar"), lib.classEntries(), null);
    }

    /**
     * The host has a copy of the library's service type and a provider of its own listed in its
     * META-INF/services, as a Spring Boot host has Jackson's Module and ParameterNamesModule.
     */
    private URLClassLoader hostWithItsOwnProvider() throws Exception {
        Path host = jar("host", Map.of(
                "lib.Svc", "package lib; public interface Svc { String name(); }",
                "hostimpl.HostProvider", "package hostimpl; public class HostProvider implements lib.Svc {"
                        + " public String name() { return \"host\"; } }"),
                Map.of("META-INF/services/lib.Svc", "hostimpl.HostProvider\n"));
        return new URLClassLoader("test-host", new URL[] {host.toUri().toURL()}, getClass().getClassLoader());
    }

    private Path pluginWithItsOwnCopy(Path dir) throws Exception {
        Path lib = jar("lib", Map.of(
                "lib.Svc", "package lib; public interface Svc { String name(); }",
                "lib.Lookup", "package lib; public final class Lookup { private Lookup() {}"
                        + " public static String fromLibrary() { java.util.List<String> n = new java.util.ArrayList<>();"
                        + "  try { for (Svc s : java.util.ServiceLoader.load(Svc.class, Lookup.class.getClassLoader())) n.add(s.name()); }"
                        + "  catch (java.util.ServiceConfigurationError e) { n.add(\"error: \" + e.getMessage()); }"
                        + "  return String.join(\",\", n); } }",
                "libimpl.PluginProvider", "package libimpl; public class PluginProvider implements lib.Svc {"
                        + " public String name() { return \"plugin\"; } }"),
                Map.of("META-INF/services/lib.Svc", "libimpl.PluginProvider\n"));
        return new Plugins(tmp).plugin("p").library("lib.jar", lib).classpath(lib)
                .java("svc.Lister", LISTER)
                .java("svc.Finder", "package svc; import java.util.ServiceLoader;"
                        + " public class Finder implements dev.graft.loader.fixture.api.Greeter {"
                        + " private final String found;"
                        + " public Finder() { found = Lister.names(ServiceLoader.load(lib.Svc.class))"
                        + "   + \" | \" + Lister.names(ServiceLoader.load(lib.Svc.class, Finder.class.getClassLoader()))"
                        + "   + \" | \" + lib.Lookup.fromLibrary(); }"
                        + " public String greet() { return found; } }")
                .extension(Plugins.GREETER, "svc.Finder", 0).zip(dir);
    }

    @Test
    void theHostsProvidersOfItsOwnCopyOfALibraryTypeAreNotListedToThePlugin() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        pluginWithItsOwnCopy(dir);
        try (URLClassLoader host = hostWithItsOwnProvider();
                PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                        .hostClassLoader(host).sharedPackages("dev.graft.loader.fixture.api").build()) {
            // through the context loader (the plugin's classes loader), the plugin's own loader,
            // and the library loader: only the plugin's provider, and no "not a subtype"
            assertEquals("libimpl.PluginProvider@graft:p:lib | libimpl.PluginProvider@graft:p:lib | plugin",
                    runtime.extensions(Greeter.class).get(0).greet());
            ClassLoader plugin = runtime.plugin("p").orElseThrow().classLoader();
            ClassLoader library = runtime.plugin("p").orElseThrow().libraryLoader().orElseThrow();
            assertEquals(1, java.util.Collections.list(plugin.getResources("META-INF/services/lib.Svc")).size());
            assertEquals(1, java.util.Collections.list(library.getResources("META-INF/services/lib.Svc")).size());
            String url = plugin.getResource("META-INF/services/lib.Svc").toExternalForm();
            assertTrue(url.contains(".graft-cache") && !url.contains("host.jar"),
                    url + ": getResource agrees: the plugin's (extracted) lib.jar, not the host's");
            // names that are no service type are answered, not thrown at
            for (String odd : new String[] {"META-INF/services/", "META-INF/services/.", "META-INF/services/a/b.c",
                    "META-INF/services/lib.", "META-INF/services/" + "x.".repeat(5000)}) {
                plugin.getResource(odd);
                java.util.Collections.list(library.getResources(odd));
            }
        }
    }

    @Test
    void aServiceTypeTheHostSharesListsThePluginsProvidersFirstThenTheHosts() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        String codec = Plugins.CODEC;
        Path hostJar = jar("host-codecs", Map.of("hostcodec.Lower", "package hostcodec; public class Lower implements"
                + " dev.graft.loader.fixture.api.Codec { public String encode(String s) { return s.toLowerCase(); } }"),
                Map.of("META-INF/services/" + codec, "hostcodec.Lower\n"));
        Path lib = jar("codecs", Map.of("codecs.Upper", "package codecs; public class Upper implements"
                + " dev.graft.loader.fixture.api.Codec { public String encode(String s) { return s.toUpperCase(); } }"),
                Map.of("META-INF/services/" + codec, "codecs.Upper\n"));
        new Plugins(tmp).plugin("p").library("codecs.jar", lib)
                .java("svc.Lister", LISTER)
                .java("svc.Finder", "package svc; import java.util.ServiceLoader; import dev.graft.loader.fixture.api.Codec;"
                        + " public class Finder implements dev.graft.loader.fixture.api.Greeter {"
                        + " private final String found;"
                        + " public Finder() { found = Lister.names(ServiceLoader.load(Codec.class, Finder.class.getClassLoader())); }"
                        + " public String greet() { return found; } }")
                .extension(Plugins.GREETER, "svc.Finder", 0).zip(dir);
        for (boolean fallback : new boolean[] {true, false}) {
            try (URLClassLoader host = new URLClassLoader("test-host", new URL[] {hostJar.toUri().toURL()},
                    getClass().getClassLoader());
                    PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                            .hostClassLoader(host).hostFallback(fallback).cache(tmp.resolve("cache-" + fallback), 1 << 30)
                            .sharedPackages("dev.graft.loader.fixture.api").build()) {
                assertEquals(fallback ? "codecs.Upper@graft:p:lib,hostcodec.Lower@test-host" : "codecs.Upper@graft:p:lib",
                        runtime.extensions(Greeter.class).get(0).greet(),
                        "host fallback " + fallback + ": the host's providers only when the plugin can load them");
            }
        }
    }

    @Test
    void aServiceTypeOfTheJdkListsTheHostsProvidersToo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        String type = "java.util.spi.ToolProvider";
        String tool = "implements java.util.spi.ToolProvider { public String name() { return \"%s\"; }"
                + " public int run(java.io.PrintWriter o, java.io.PrintWriter e, String... a) { return 0; } }";
        Path hostJar = jar("host-tools", Map.of("hosttool.HostTool",
                "package hosttool; public class HostTool " + String.format(tool, "host-tool")),
                Map.of("META-INF/services/" + type, "hosttool.HostTool\n"));
        new Plugins(tmp).plugin("p")
                .java("svc.PluginTool", "package svc; public class PluginTool " + String.format(tool, "plugin-tool"))
                .resource("META-INF/services/" + type, "svc.PluginTool\n")
                .java("svc.Finder", "package svc; import java.util.*; import java.util.spi.ToolProvider;"
                        + " public class Finder implements dev.graft.loader.fixture.api.Greeter {"
                        + " private final String found;"
                        + " public Finder() { List<String> n = new ArrayList<>();"
                        + "   for (ToolProvider t : ServiceLoader.load(ToolProvider.class, Finder.class.getClassLoader()))"
                        + "     if (t.name().endsWith(\"-tool\")) n.add(t.name());"
                        + "   found = String.join(\",\", n); }"
                        + " public String greet() { return found; } }")
                .extension(Plugins.GREETER, "svc.Finder", 0).zip(dir);
        try (URLClassLoader host = new URLClassLoader("test-host", new URL[] {hostJar.toUri().toURL()},
                getClass().getClassLoader());
                PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                        .hostClassLoader(host).sharedPackages("dev.graft.loader.fixture.api").build()) {
            assertEquals("plugin-tool,host-tool", runtime.extensions(Greeter.class).get(0).greet());
        }
    }
}
