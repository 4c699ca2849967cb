package dev.graft.it.pf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.PluginFormat;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.PluginStatus;
import dev.graft.pf4j.Pf4jLifecycle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;
import org.pf4j.demo.api.Greeting;

/**
 * pf4j's demo plugins, built as pf4j builds them, run unchanged in a Graft host: graft-pf4j creates
 * each Plugin-Class with its PluginWrapper constructor and Graft's lifecycle calls start() and
 * stop(), whose log lines (SLF4J, slf4j-simple on System.err) this test reads.
 */
class Pf4jDemoTest {

    private static final Path PLUGINS = Path.of(System.getProperty("pf4j.demo.plugins", "target/plugins"));

    @TempDir
    Path cache;

    /** Runs an action with System.err captured; slf4j-simple writes to the current System.err. */
    private static <V> V logged(List<String> lines, Callable<V> action) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return action.call();
        } finally {
            System.setErr(err);
            for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.contains("org.pf4j.demo")) {
                    lines.add(line.substring(line.indexOf(" - ") + 3).strip());
                }
            }
        }
    }

    @Test
    void theDemoPluginsStartStopAndTheirExtensionsAnswer() throws Exception {
        Pf4jLifecycle pf4j = new Pf4jLifecycle(RuntimeMode.DEVELOPMENT, "1.0.0");
        List<String> log = new ArrayList<>();
        PluginRuntime runtime = logged(log, () -> PluginRuntime.builder().pluginDirectory(PLUGINS)
                .cache(cache, 1L << 20).hostVersion("1.0.0")
                .sharedPackages("org.pf4j.demo.api").starter(pf4j).build());
        assertEquals(List.of("HelloPlugin.start()", "WelcomePlugin.start()", "WELCOMEPLUGIN"), log,
                "start() of each plugin ran, in id order (neither depends on the other: hello-plugin, welcome-plugin), in development mode");
        pf4j.attach(runtime);
        for (PluginStatus s : runtime.plugins()) {
            assertEquals("LOADED", s.state().name(), s.toString());
            assertEquals(PluginFormat.PF4J_JAR, runtime.plugin(s.name()).orElseThrow().format());
        }
        assertEquals(List.of("hello-plugin", "welcome-plugin"),
                pf4j.plugins().stream().map(PluginWrapper::getPluginId).sorted().toList());
        assertEquals("Decebal Suiu", pf4j.pluginManager().getPlugin("welcome-plugin").getDescriptor().getProvider());
        List<String> greetings = new ArrayList<>();
        for (Greeting g : pf4j.pluginManager().getExtensions(Greeting.class)) {
            greetings.add(g.getGreeting());
        }
        assertEquals(List.of("Welcome", "Hello"), greetings, "ordered by ordinal: Welcome 0, Hello 1");

        log.clear();
        logged(log, () -> runtime.unload("hello-plugin"));
        assertEquals(List.of("HelloPlugin.stop()"), log);
        log.clear();
        logged(log, () -> {
            runtime.close();
            return null;
        });
        assertEquals(List.of("WelcomePlugin.stop()"), log);
        assertTrue(pf4j.plugins().isEmpty());
    }
}
