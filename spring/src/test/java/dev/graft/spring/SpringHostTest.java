package dev.graft.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.ExtensionStatus;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.classloading.PluginClassLoader;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.testing.TestPlugin;
import dev.graft.spring.testhost.TestHost;
import dev.graft.spring.testhost.api.Events;
import dev.graft.spring.testhost.api.Greeter;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot host with the auto-configuration and one plugin whose classes are Spring beans:
 * a service implementing the host's point with constructor injection, a REST controller, a
 * configuration class with a bean method, configuration properties, and a service whose
 * dependency is absent.
 */
class SpringHostTest {

    private static final String GREETER = Greeter.class.getName();
    private static final String REST = "org.springframework.web.bind.annotation.RestController";
    private static final String CONFIGURATION = "org.springframework.context.annotation.Configuration";
    private static final String COMPONENT = "org.springframework.stereotype.Component";

    @TempDir
    Path tmp;

    private Path plugin() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Plugins plugins = new Plugins(tmp);
        Plugins.Spec hello = plugins.plugin("hello");
        hello
                .java("hello.Greeting", "package hello; import dev.graft.spring.testhost.api.*;"
                        + " import org.springframework.beans.factory.annotation.Value;"
                        + " @org.springframework.stereotype.Service public class Greeting implements Greeter {"
                        + " private final String text;"
                        + " public Greeting(HostClock clock, Word word, @Value(\"${greeting.punctuation}\") String p) {"
                        + "   text = \"hello at \" + clock.now() + \", \" + word.text() + p;"
                        + "   Events.LOG.add(\"constructed with context \" + Thread.currentThread().getContextClassLoader().getName()); }"
                        + " @jakarta.annotation.PostConstruct void started() { Events.LOG.add(\"post-construct\"); }"
                        + " @jakarta.annotation.PreDestroy void stopped() { Events.LOG.add(\"pre-destroy\"); }"
                        + " public String greet() { return text; } }")
                .extension(GREETER, "hello.Greeting", 0)
                .java("hello.Word", "package hello; public final class Word { private final String text;"
                        + " public Word(String text) { this.text = text; } public String text() { return text; } }")
                .java("hello.WordConfig", "package hello; import org.springframework.context.annotation.*;"
                        + " @Configuration public class WordConfig {"
                        + " @Bean public Word word(Props props) { return new Word(props.getWord()); }"
                        + " @Bean public String sameWordTwice() { return String.valueOf(word(null) == word(null)); } }")
                .extension(CONFIGURATION, "hello.WordConfig", 0)
                .java("hello.ScanConfig", "package hello; @org.springframework.context.annotation.Configuration"
                        + " @org.springframework.context.annotation.ComponentScan(\"hello.scanned\") public class ScanConfig { }")
                .extension(CONFIGURATION, "hello.ScanConfig", 0)
                .java("hello.scanned.Scanned", "package hello.scanned; @org.springframework.stereotype.Component"
                        + " public class Scanned { }")
                .java("hello.Props", "package hello;"
                        + " @org.springframework.stereotype.Component"
                        + " @org.springframework.boot.context.properties.ConfigurationProperties(\"hello\")"
                        + " public class Props { private String word = \"default\";"
                        + " public String getWord() { return word; } public void setWord(String w) { word = w; } }")
                .extension(COMPONENT, "hello.Props", 0)
                .java("hello.HelloController", "package hello; import org.springframework.web.bind.annotation.*;"
                        + " @RestController public class HelloController { private final Greeting greeting;"
                        + " public HelloController(Greeting greeting) { this.greeting = greeting; }"
                        + " @GetMapping(\"/hello\") public String hello(@RequestParam(\"to\") String to) { return greeting.greet() + \" \" + to; } }")
                .extension(REST, "hello.HelloController", 0)
                .java("hello.NeedsGhost", "package hello; @org.springframework.stereotype.Service"
                        + " public class NeedsGhost implements dev.graft.spring.testhost.api.Greeter {"
                        + " public String greet() { return \"ghost\"; } }")
                .extension(GREETER, "hello.NeedsGhost", 1, "ghost@^1.0.0")
                .extension(GREETER, "hello.Missing", 2) // an index naming a class the plugin lacks
                .java("hello.Hooks", "package hello; public class Hooks implements dev.graft.PluginLifecycle {"
                        + " public void start() { dev.graft.spring.testhost.api.Events.LOG.add(\"hook start\"); }"
                        + " public void stop() { dev.graft.spring.testhost.api.Events.LOG.add(\"hook stop\"); } }")
                .extension("dev.graft.PluginLifecycle", "hello.Hooks", 0)
                .zip(dir);
        plugins.plugin("fan").dependency("hello").classpath(hello.classes())
                .java("fan.Fan", "package fan; @org.springframework.stereotype.Component public class Fan {"
                        + " private final hello.Greeting greeting;"
                        + " public Fan(hello.Greeting greeting) { this.greeting = greeting; }"
                        + " public String toString() { return \"fan of \" + greeting.greet(); } }")
                .extension(COMPONENT, "fan.Fan", 0)
                .zip(dir);
        return dir;
    }

    /**
     * A legacy Lavalink plugin: one jar, {@code lavalink-plugins/legacy.properties} naming the
     * package Lavalink scans, a controller and a greeter under it, and a component outside it.
     */
    private void legacyPlugin(Path dir) {
        TestPlugin.in(tmp, "legacy")
                .java("legacy.plugin.LegacyGreeter", "package legacy.plugin; @org.springframework.stereotype.Service"
                        + " public class LegacyGreeter implements dev.graft.spring.testhost.api.Greeter {"
                        + " public String greet() { return \"legacy\"; } }")
                .java("legacy.plugin.web.LegacyController", "package legacy.plugin.web;"
                        + " @org.springframework.web.bind.annotation.RestController public class LegacyController {"
                        + " @org.springframework.web.bind.annotation.GetMapping(\"/legacy\") public String get() { return \"old but loaded\"; } }")
                .java("legacy.other.NotScanned", "package legacy.other; @org.springframework.stereotype.Component"
                        + " public class NotScanned { }")
                .resource("lavalink-plugins/legacy.properties", "name=legacy\npath=legacy.plugin\nversion=1.2\n")
                .jar(dir);
    }

    private static ClassLoader loaderOf(PluginRuntime runtime, String id) {
        return runtime.plugin(id).orElseThrow().classLoader();
    }

    private ConfigurableApplicationContext start(Path dir) {
        return SpringApplication.run(TestHost.class, "--server.port=0",
                "--graft.plugins.directory=" + dir, "--graft.shared-packages=dev.graft.spring.testhost.api",
                "--greeting.punctuation=!", "--hello.word=world", "--spring.main.banner-mode=off");
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pluginClassesAreBeansOfTheHostAndServeHttp() throws Exception {
        Path dir = plugin();
        Events.LOG.clear();
        ConfigurableApplicationContext context = start(dir);
        try {
            PluginRuntime runtime = context.getBean(PluginRuntime.class);
            Greeter bean = (Greeter) context.getBean("hello/hello.Greeting");
            assertEquals("hello at noon, world!", bean.greet(),
                    "constructor injection of a host bean, a plugin bean from a @Bean method, @Value, @ConfigurationProperties");
            assertEquals(List.of(bean), context.getBean(TestHost.Greeters.class).all(),
                    "the host's List<Greeter> holds the plugin's bean; the skipped extension is no bean");
            assertSame(bean, runtime.extensions(Greeter.class).get(0), "the runtime and the context share one instance");
            assertEquals(List.of("hook start", "constructed with context graft:hello", "post-construct"), Events.LOG,
                    "the plugin starts before the context creates its beans");
            assertFalse(context.containsBean("hello/hello.Hooks"), "a start hook is no bean");

            Object config = context.getBean("hello/hello.WordConfig");
            assertTrue(config.getClass().getName().contains("$$SpringCGLIB$$"), config.getClass().getName());
            assertEquals("true", context.getBean("sameWordTwice"), "inter-bean references go through the enhanced class");

            assertEquals("fan of hello at noon, world!", context.getBean("fan/fan.Fan").toString(),
                    "constructor injection of a bean of the plugin it depends on");
            assertFalse(context.containsBean("hello/hello.NeedsGhost"));
            assertFalse(context.containsBean("hello/hello.Missing"), "a class that cannot be loaded is no bean,"
                    + " and the host starts");
            assertEquals(ExtensionStatus.State.FAILED, runtime.describe(Greeter.class).stream()
                    .filter(e -> e.className().equals("hello.Missing")).findFirst().orElseThrow().state());
            assertSame(loaderOf(runtime, "hello"), context.getBean("hello/hello.scanned.Scanned").getClass().getClassLoader(),
                    "a plugin configuration's @ComponentScan scans the plugin, in its loader");
            PluginClassLoader loader = (PluginClassLoader) runtime.plugin("hello").orElseThrow().classLoader();
            assertFalse(loader.hasLoaded("hello.NeedsGhost"), "the skipped extension's class is never loaded");

            HttpResponse<String> response = get(context, "/hello?to=you");
            assertEquals(200, response.statusCode());
            assertEquals("hello at noon, world! you", response.body());
        } finally {
            context.close();
        }
        assertEquals(List.of("pre-destroy", "hook stop"), Events.LOG.subList(Events.LOG.size() - 2, Events.LOG.size()),
                "closing the context destroys plugin beans, then the runtime stops the plugin");
    }

    /**
     * Collects garbage until the references are cleared or the heap has been filled once: Spring
     * caches by soft reference, which the JVM clears only before it would run out of memory.
     */
    private static void collect(List<? extends WeakReference<?>> refs) throws InterruptedException {
        for (int i = 0; i < 20 && refs.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        if (refs.stream().anyMatch(r -> r.get() != null)) {
            List<long[]> fill = new java.util.ArrayList<>();
            try {
                while (true) {
                    fill.add(new long[1 << 20]);
                }
            } catch (OutOfMemoryError expected) {
                fill.clear();
            }
            System.gc();
        }
    }

    @Test
    void unloadingAPluginDestroysItsBeansRemovesItsEndpointsAndReleasesItsLoaders() throws Exception {
        Path dir = plugin();
        Events.LOG.clear();
        ConfigurableApplicationContext context = start(dir);
        try {
            assertEquals(200, get(context, "/hello?to=you").statusCode());
            PluginRuntime runtime = context.getBean(PluginRuntime.class);
            List<WeakReference<ClassLoader>> loaders = List.of(
                    new WeakReference<>(runtime.plugin("hello").orElseThrow().classLoader()));
            PluginBeans plugins = context.getBean(PluginBeans.class);
            assertEquals(List.of("hello/hello.Greeting", "hello/hello.HelloController", "hello/hello.Props",
                    "hello/hello.ScanConfig", "hello/hello.WordConfig", "hello/hello.scanned.Scanned", "sameWordTwice", "word"),
                    plugins.beanNames("hello").stream().sorted().toList(),
                    "its extensions and the beans of its @Bean methods");

            assertEquals(List.of("fan", "hello"), plugins.unload("hello"), "its dependent first");
            assertFalse(context.containsBean("fan/fan.Fan"));
            assertEquals(List.of("pre-destroy", "hook stop"), Events.LOG.subList(Events.LOG.size() - 2, Events.LOG.size()),
                    "@PreDestroy ran at the unload, then the plugin's stop hook");
            assertEquals(List.of(), plugins.beanNames("hello"));
            assertFalse(context.containsBean("hello/hello.Greeting"));
            assertFalse(context.containsBean("word"), "the beans of its @Configuration went with it");
            assertEquals(List.of(), context.getBean(TestHost.Greeters.class).all());
            assertEquals(404, get(context, "/hello?to=you").statusCode(), "its endpoint is gone");

            collect(loaders);
            assertTrue(loaders.stream().allMatch(r -> r.get() == null), "nothing keeps the plugin's loaders reachable");
        } finally {
            context.close();
        }
    }

    @Test
    void aLegacyLavalinkJarsComponentsUnderItsPathAreBesideTheNewFormatsBeans() throws Exception {
        Path dir = plugin();
        legacyPlugin(dir);
        Events.LOG.clear();
        ConfigurableApplicationContext context = start(dir);
        try {
            PluginRuntime runtime = context.getBean(PluginRuntime.class);
            assertEquals("jar (lavalink)", runtime.plugin("legacy").orElseThrow().format().toString());
            assertEquals(List.of("hello at noon, world!", "legacy"),
                    context.getBean(TestHost.Greeters.class).all().stream().map(Greeter::greet).sorted().toList());
            assertEquals("old but loaded", get(context, "/legacy").body());
            assertEquals(200, get(context, "/hello?to=you").statusCode());
            assertFalse(context.containsBean("legacy/legacy.other.NotScanned"), "only the path is scanned");
            PluginBeans plugins = context.getBean(PluginBeans.class);
            assertEquals(List.of("legacy/legacy.plugin.LegacyGreeter", "legacy/legacy.plugin.web.LegacyController"),
                    plugins.beanNames("legacy").stream().sorted().toList());
            assertEquals(List.of("legacy"), plugins.unload("legacy"));
            assertEquals(404, get(context, "/legacy").statusCode());
            assertEquals(200, get(context, "/hello?to=you").statusCode(), "the other plugin is untouched");
        } finally {
            context.close();
        }
    }
}
