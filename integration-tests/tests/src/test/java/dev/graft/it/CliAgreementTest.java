package dev.graft.it;

import static dev.graft.it.ScenarioPlugins.folder;
import static dev.graft.it.ScenarioPlugins.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.cli.Main;
import dev.graft.it.host.Probe;
import dev.graft.loader.ExtensionStatus;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.PluginStatus;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: {@code graft list} and {@code graft explain} say what PluginRuntime does, on the
 * integration-test plugins (healthy ones of every format, and ones that fail: a missing dependency,
 * a cycle), with this host's class path and shared package.
 */
class CliAgreementTest {

    @TempDir
    Path tmp;

    private static List<String> graft(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--host-version", "1.0.0", "--shared", "dev.graft.it.host", "--host", hostClassPath()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(new String[0]));
        List<String> lines = new ArrayList<>(out.toString().lines().toList());
        lines.add(0, "exit " + code + (err.toString().isEmpty() ? "" : ", stderr: " + err));
        return lines;
    }

    /** This JVM's class path, the entries that exist (the CLI refuses a missing one). */
    private static String hostClassPath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (java.nio.file.Files.exists(Path.of(e))) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    @Test
    void listAndExplainAgreeWithTheRuntime() {
        Path plugins = folder(tmp, "kotlin-old", "kotlin-new", "greetings", "greetings-fr", "lyrics", "player", "services",
                "single", "pf4j-legacy", "needs-ghost", "cycle-a", "cycle-b");
        List<String> list = graft("list", plugins.toString());
        List<String> explain = graft("explain", plugins.toString(), Probe.class.getName());
        try (PluginRuntime runtime = host(plugins).cache(tmp.resolve("cache"), 1L << 30).build()) {
            List<PluginStatus> statuses = runtime.plugins();
            assertEquals("exit " + Main.PROBLEMS, list.get(0), "some plugins fail: " + list);
            assertEquals(statuses.size(), list.size() - 2, String.join("\n", list));
            for (int i = 0; i < statuses.size(); i++) {
                PluginStatus s = statuses.get(i);
                String row = list.get(i + 2);
                assertTrue(row.contains(" " + s.name() + " ") && row.contains(" " + s.state() + " ") && row.endsWith(s.reason()),
                        "row " + i + ": runtime " + s + ", graft list: " + row);
            }
            List<ExtensionStatus> described = runtime.describe(Probe.class);
            assertTrue(described.size() >= 8, described.toString());
            assertEquals(described.size(), explain.size() - 2, String.join("\n", explain));
            for (int i = 0; i < described.size(); i++) {
                ExtensionStatus e = described.get(i);
                String row = explain.get(i + 2);
                assertTrue(row.startsWith(e.state().toString()) && row.contains(e.className()) && row.contains(" " + e.pluginId() + " ")
                        && row.endsWith(e.reason()), "row " + i + ": runtime " + e + ", graft explain: " + row);
            }
        }
    }
}
