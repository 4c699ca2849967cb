package dev.graft.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a plugin uses everyday libraries from Maven Central (Jackson 2.20.1 with jsr310, logback
 * 1.5.38 with the plugin's own logback.xml, H2 2.3.232 through DriverManager, Ktor 3.5.2's client
 * engine) inside a real host process, {@code dev.graft.it.host14.EverydayHost}, whose class path is a
 * Spring Boot host's: its own Jackson 2.17.2 with jackson-module-parameter-names, logback 1.5.6 with
 * its own logback.xml, and spring-boot 3.5.7, which lists RootLogLevelConfigurator as a logback
 * Configurator. Each scenario is one child JVM, started with this JVM's {@code java}; every line it
 * prints is asserted exactly, and so is its exit code.
 *
 * <p>What a failing line means: a Jackson line with "not a subtype" is the host's
 * {@code META-INF/services} listed to a plugin whose Module type is its own; a logback line without
 * "the everyday plugin's logback.xml" and RecordingAppender is logback in {@code lib/} not seeing the
 * plugin's resources or classes (or, with "not a subtype", the host's Configurator listed to it); "No
 * suitable driver" is DriverManager having loaded its drivers under another context loader; a
 * {@code contextual.*} line unlike its {@code callWithContextLoader.*} twin is a proxy of
 * {@code contextualExtensions} that did not switch (or restore) the context loader.
 */
class EverydayLibrariesTest {

    private static final Path GRAFT_CLASSPATH = Path.of(System.getProperty("everyday.host.graft",
            "target/everyday-host/graft.classpath"));
    private static final Path HOST_LIB = Path.of(System.getProperty("everyday.host.lib", "target/everyday-host/lib"));
    private static final Path HOST_CLASSES = Path.of(System.getProperty("everyday.host.classes", "target/test-classes"));

    private static final List<String> LIBRARIES = List.of("jackson", "logback", "h2", "ktor");

    /** Jackson found the plugin's JavaTimeModule, and only it, so the date is an ISO string. */
    private static final String JACKSON = "jackson 2.20.1 from graft:everyday:lib modules=[jackson-datatype-jsr310]"
            + " found=[com.fasterxml.jackson.datatype.jsr310.JavaTimeModule@graft:everyday:lib] date=\"2024-05-01\"";
    /** What plugin code gets on a host thread without any context: the host's loader lists the host's module. */
    private static final String JACKSON_ON_HOST_CONTEXT = "error java.util.ServiceConfigurationError:"
            + " com.fasterxml.jackson.databind.Module: com.fasterxml.jackson.module.paramnames.ParameterNamesModule not a subtype";
    private static final String H2 = "h2 2.3.232 (2024-08-11) from graft:everyday:lib select 1+1 = 2";
    private static final String KTOR = "ktor engine io.ktor.client.engine.cio.CIOEngine from graft:everyday:lib";
    /** The host's own libraries at the end of every run: its versions, its files, nothing of the plugin's. */
    private static final String HOST_JACKSON = "jackson 2.17.2 from app modules=[jackson-module-parameter-names]"
            + " found=[com.fasterxml.jackson.module.paramnames.ParameterNamesModule@app]";
    private static final String HOST_LOGBACK = "logback 1.5.6 from app config=the host's logback.xml root=WARN"
            + " appenders=[host-appender:ch.qos.logback.core.read.ListAppender@app] recorded=1";

    @TempDir
    Path tmp;

    /**
     * logback in the plugin's {@code lib/}, configured by the plugin's own logback.xml (its context
     * property, root level DEBUG rather than the INFO of Spring Boot's configurator, and
     * RecordingAppender, a class of the plugin's own loader, with the events logged so far).
     */
    private static String logback(int recorded, String lastFrom) {
        return "logback 1.5.38 from graft:everyday:lib config=the everyday plugin's logback.xml root=DEBUG"
                + " appenders=[everyday-appender:dev.graft.it.everyday.RecordingAppender@graft:everyday]"
                + " recorded=" + recorded + " last=INFO logged from " + lastFrom;
    }

    @Test
    void withHostFallbackEachLibraryWorksInTheConstructorAndOnHostThreadsThroughBothContextMechanisms() throws Exception {
        assertLines(workloadLines(), run("fallback-on"));
    }

    @Test
    void withoutHostFallbackEachLibraryWorksTheSameWay() throws Exception {
        assertLines(workloadLines(), run("fallback-off"));
    }

    /**
     * The JVM's first DriverManager use on a plain host thread loads the drivers the host's loader
     * lists (none), once per JVM; the plugin's H2 works all the same, since Graft registered it when
     * the plugin's code first ran (before issue 14's fix: "No suitable driver", then and later).
     */
    @Test
    void jdbcFirstUsedOnAPlainHostThreadWorksThenAndLater() throws Exception {
        assertLines(jdbcLines(H2, H2), run("jdbc-plain"));
    }

    /** A host that used DriverManager before any plugin code ran (as one with a DataSource does). */
    @Test
    void jdbcUsedByTheHostFirstStillServesThePluginsDriver() throws Exception {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("plugin.everyday", "LOADED");
        lines.put("host.drivers", "0");
        lines.putAll(jdbcLines(H2, H2));
        assertLines(lines, run("jdbc-host-first"));
    }

    /** The first DriverManager use inside callWithContextLoader registers the plugin's driver, for later plain calls too. */
    @Test
    void jdbcFirstUsedThroughCallWithContextLoaderWorksThenAndLater() throws Exception {
        assertLines(jdbcLines(H2, H2), run("jdbc-context"));
    }

    /** The first DriverManager use through a contextual extension's proxy registers the plugin's driver. */
    @Test
    void jdbcFirstUsedThroughAContextualExtensionWorksThenAndLater() throws Exception {
        assertLines(jdbcLines(H2, H2), run("jdbc-contextual"));
    }

    /**
     * The fallback scenarios: constructor, then one host thread (context loader: the host's) calling
     * plainly, through callWithContextLoader and through contextual proxies. H2 works plainly too
     * because the constructor made the JVM's first DriverManager use under the plugin's context.
     */
    private static Map<String, String> workloadLines() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("plugin.everyday", "LOADED");
        lines.put("constructor.extensions", "1");
        lines.put("constructor.jackson", JACKSON);
        lines.put("constructor.logback", logback(1, "constructor"));
        lines.put("constructor.h2", H2);
        lines.put("constructor.ktor", KTOR);
        lines.put("host-thread.context", "app");
        lines.put("plain.jackson", JACKSON_ON_HOST_CONTEXT);
        lines.put("plain.logback", logback(2, "run"));
        lines.put("plain.h2", H2);
        lines.put("plain.ktor", KTOR);
        lines.put("callWithContextLoader.jackson", JACKSON);
        lines.put("callWithContextLoader.logback", logback(3, "run"));
        lines.put("callWithContextLoader.h2", H2);
        lines.put("callWithContextLoader.ktor", KTOR);
        lines.put("contextual.extensions", "1");
        lines.put("contextual.jackson", JACKSON);
        lines.put("contextual.logback", logback(4, "run"));
        lines.put("contextual.h2", H2);
        lines.put("contextual.ktor", KTOR);
        lines.put("contextual.context-after", "app");
        lines.put("host.jackson", HOST_JACKSON);
        lines.put("host.logback", HOST_LOGBACK);
        return lines;
    }

    private static Map<String, String> jdbcLines(String first, String second) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("plugin.everyday", "LOADED");
        lines.put("host-thread.context", "app");
        lines.put("jdbc.first", first);
        lines.put("jdbc.second", second);
        lines.put("host.jackson", HOST_JACKSON);
        lines.put("host.logback", HOST_LOGBACK);
        return lines;
    }

    /** Every expected line, each reported on its own, then that no line is missing, extra or out of order. */
    private static void assertLines(Map<String, String> expected, Run run) {
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(0, run.exit, "exit code\n" + run));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            checks.add(() -> assertEquals(e.getValue(), run.lines.get(e.getKey()), e.getKey()));
        }
        checks.add(() -> assertEquals(List.copyOf(expected.keySet()), List.copyOf(run.lines.keySet()), "the lines\n" + run));
        assertAll(checks);
    }

    private Run run(String scenario) throws Exception {
        Path folder = ScenarioPlugins.folder(tmp, "everyday");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path stderr = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(java, "-cp", hostClassPath(), "dev.graft.it.host14.EverydayHost",
                folder.toString(), scenario).directory(tmp.toFile()).redirectError(stderr.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the host did not exit within 60 s\n" + out);
        }
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("@ ")) {
                int eq = line.indexOf(" = ");
                String key = line.substring(2, eq);
                if (lines.put(key, line.substring(eq + 3)) != null) {
                    fail("line " + key + " printed twice\n" + out);
                }
            }
        }
        return new Run(p.exitValue(), lines, out, Files.readString(stderr));
    }

    /** Graft and the host API as this build made them, the host's libraries, and the host's classes and logback.xml. */
    private static String hostClassPath() throws IOException {
        List<String> entries = new ArrayList<>(List.of(Files.readString(GRAFT_CLASSPATH).trim().split(File.pathSeparator)));
        try (Stream<Path> jars = Files.list(HOST_LIB)) {
            jars.map(Path::toString).sorted().forEach(entries::add);
        }
        entries.add(HOST_CLASSES.toString());
        entries.add(HOST_CLASSES.resolve("everyday-host").toString());
        return String.join(File.pathSeparator, entries);
    }

    private record Run(int exit, Map<String, String> lines, String stdout, String stderr) {
        @Override
        public String toString() {
            return "stdout:\n" + stdout + "stderr:\n" + stderr;
        }
    }
}
