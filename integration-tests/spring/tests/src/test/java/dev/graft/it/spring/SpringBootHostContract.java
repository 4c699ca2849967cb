package dev.graft.it.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Spring Boot host with graft-spring-boot-starter does with the hello plugin, checked over
 * real HTTP against the host's executable jar running in a child process. Each subclass runs it
 * on one Spring Boot line, with the very same plugin zip and host sources.
 *
 * <p>The host is {@code dev.graft.it.spring.host.SpringHost} (module host-boot3); the plugin is
 * {@code dev.graft.it.spring.hello} (module plugins/hello). Every response is compared whole:
 * <ul>
 * <li>the host runs from its executable jar: its classes and graft-loader's come from Spring
 *     Boot's launcher loader, which is the host loader plugins see the shared API through;</li>
 * <li>{@code /hello} is the plugin's {@code @RestController}, served by the host's server; its
 *     greeting holds the host's Clock (constructor injection), {@code hello.punctuation}
 *     ({@code @Value}), {@code hello.salutation} ({@code @ConfigurationProperties}) and a bean of
 *     the plugin's {@code @Configuration}, each bound from the host's application.yml;</li>
 * <li>the plugin's {@code @Configuration} class is enhanced (a CGLIB subclass defined in the
 *     plugin's loader, whose inter-bean call returns the singleton) with no JVM flag;</li>
 * <li>{@code /greetings}, the host's own collection of Greeter beans, holds the plugin's greeting
 *     and not the one of the extension whose dependency (plugin ghost) is absent, whose class the
 *     plugin's loader never loaded, while it did load the active greeter's;</li>
 * <li>a legacy Lavalink jar in the same folder (no Graft metadata,
 *     {@code lavalink-plugins/legacy.properties}) serves {@code /legacy} from the component scan of
 *     its {@code path}, in its own loader, and nothing outside that path;</li>
 * <li>{@code POST /admin/unload/hello} unloads hello: its endpoints answer 404, its greeting is
 *     gone, its {@code @PreDestroy} ran (the host's journal says so), and the legacy plugin still
 *     answers; {@code POST /admin/unload/legacy} unloads that one; then nothing of the host keeps
 *     either loader reachable ({@link #collectedLoaders()}).</li>
 * </ul>
 */
abstract class SpringBootHostContract {

    private static final String PLUGIN_PACKAGE = "dev.graft.it.spring.hello.";
    private static final String LAUNCHED_CLASS_LOADER = "org.springframework.boot.loader.launch.LaunchedClassLoader";
    private static final String GREETING = "Howdy from the hello plugin at noon!";
    private static final String CONSTRUCTED = "hello: greeter constructed, context loader graft:hello";
    private static final String INITIALISED = "hello: greeter initialised";
    private static final String DESTROYED = "hello: greeter destroyed";
    private static final String LEGACY = "legacy plugin at noon, loaded by graft:legacy";

    @TempDir
    Path tmp;

    /** @return the file name of the host's executable jar in {@code spring.it.hosts} */
    abstract String hostJar();

    /** @return what the host's {@code /admin/versions} must say: its Spring Boot and Spring Framework */
    abstract String versions();

    private static Path dir(String property) {
        return Path.of(System.getProperty(property, "target/" + property.substring(property.lastIndexOf('.') + 1)));
    }

    /** A fresh plugin folder with the hello zip and the legacy jar, so the library cache and every run are the test's own. */
    private Path pluginFolder() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        for (String plugin : new String[] {"graft-it-spring-hello.zip", "graft-it-spring-legacy-lavalink.jar"}) {
            Files.copy(dir("spring.it.plugins").resolve(plugin), folder.resolve(plugin));
        }
        return folder;
    }

    @Test
    void pluginBeansAndALegacyPluginServeHttpFromTheExecutableJarUntilTheyAreUnloaded() throws Exception {
        Path jar = dir("spring.it.hosts").resolve(hostJar());
        HostProcess host = HostProcess.start(jar, pluginFolder(), tmp);
        try {
            check(host);
        } catch (AssertionError | Exception e) {
            throw new AssertionError(e.getMessage() + host.outputForReport(), e);
        } finally {
            host.close();
        }
    }

    private void check(HostProcess host) throws Exception {
        assertBody(200, versions(), host.get("/admin/versions"), "the Spring Boot line under test");
        assertBody(200, "[\"hello zip\",\"legacy jar (lavalink)\"]", host.get("/admin/plugins"),
                "the hello zip (it requires host 1.x: graft.host-version is bound) and the legacy Lavalink jar, in one folder");
        assertBody(200, "host=" + LAUNCHED_CLASS_LOADER + " graft=" + LAUNCHED_CLASS_LOADER + " sharedApi=true",
                host.get("/admin/class-loading?plugin=hello"),
                "the host and graft-loader run from the executable jar's nested jars, and the plugin's loader gives the host's Clock");

        assertBody(200, "to you: " + GREETING, host.get("/hello?to=you"),
                "the plugin's @RestController, greeting from the host's Clock, @Value, @ConfigurationProperties and a @Bean");
        assertBody(200, "enhanced=true sameSignature=true definedBy=graft:hello", host.get("/hello/configuration"),
                "the plugin's @Configuration is enhanced in its own loader, and its inter-bean call returns the singleton");
        assertBody(200, "[\"" + GREETING + "\"]", host.get("/greetings"),
                "the host's Greeter beans: the plugin's, not the one whose dependency ghost is absent");
        assertBody(200, "false", host.get("/admin/loaded?plugin=hello&class=" + PLUGIN_PACKAGE + "GhostGreeter"),
                "the skipped extension's class was never loaded");
        assertBody(200, "true", host.get("/admin/loaded?plugin=hello&class=" + PLUGIN_PACKAGE + "HelloGreeter"),
                "the active extension's class was (the check can tell the two apart)");
        assertBody(200, "[\"" + CONSTRUCTED + "\",\"" + INITIALISED + "\"]", host.get("/admin/journal"),
                "the greeter was constructed once, with its plugin's loader as the context loader, then its @PostConstruct ran");

        assertBody(200, LEGACY, host.get("/legacy"),
                "the legacy plugin's controller, found by the component scan of its path in its own loader, with the host's Clock");
        assertEquals(404, host.get("/legacy/outside").statusCode(),
                "a component outside the legacy path (in a package whose name only starts like it) is not scanned");

        assertBody(200, "[\"hello\"]", host.post("/admin/unload/hello"), "the unload's result: the plugin, no dependents");
        assertEquals(404, host.get("/hello?to=you").statusCode(), "the plugin's endpoint is unmapped");
        assertEquals(404, host.get("/hello/configuration").statusCode(), "every endpoint of the plugin is unmapped");
        assertBody(200, "[]", host.get("/greetings"), "no Greeter bean is left");
        assertBody(200, "[\"legacy jar (lavalink)\"]", host.get("/admin/plugins"), "only the legacy plugin is left");
        assertBody(200, LEGACY, host.get("/legacy"), "the legacy plugin still answers");
        assertBody(200, "[\"" + CONSTRUCTED + "\",\"" + INITIALISED + "\",\"" + DESTROYED + "\"]", host.get("/admin/journal"),
                "the greeter's @PreDestroy ran at the unload");

        assertBody(200, "[\"legacy\"]", host.post("/admin/unload/legacy"), "a legacy plugin unloads as any other");
        assertEquals(404, host.get("/legacy").statusCode(), "the legacy plugin's endpoint is unmapped");
        assertBody(200, "[]", host.get("/admin/plugins"), "no plugin is loaded");
        assertBody(200, collectedLoaders(), host.get("/admin/unloaded-loaders"),
                "whether anything in the host still holds the unloaded plugins' loaders strongly");
    }

    /**
     * @return what {@code /admin/unloaded-loaders} must say after both unloads: each plugin's one
     *     loader (hello bundles no library; a legacy jar has one loader) collected, on Spring 6 and
     *     on Spring 7 alike (whose auto-proxy creator keys its cache by a record of the bean's class)
     */
    private static String collectedLoaders() {
        return "2 of 2 unloaded plugin loaders collected";
    }

    private static void assertBody(int status, String body, HttpResponse<String> response, String what) {
        String request = response.request().method() + " " + response.request().uri().getPath()
                + (response.request().uri().getQuery() == null ? "" : "?" + response.request().uri().getQuery());
        assertEquals(status + " " + body, response.statusCode() + " " + response.body(), request + ": " + what);
    }
}
