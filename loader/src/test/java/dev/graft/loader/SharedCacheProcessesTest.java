package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.TestPlugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes share one library cache whose bound is a single byte, so that every load purges
 * it: each loads and unloads plugins with libraries in a loop, and not one load fails. Each process
 * has plugins of its own (whose jars the other's purges would delete) and plugins both load (whose
 * jars both extract and replace). Bounded by rounds, not by time.
 */
class SharedCacheProcessesTest {

    private static final int ROUNDS = 20;
    private static final int PLUGINS = 4;

    @TempDir
    Path tmp;

    @Test
    void twoProcessesSharingATinyCacheNeverFailALoad() throws Exception {
        Path cache = tmp.resolve("cache");
        Path parentPlugins = plugins("parent");
        Path childPlugins = plugins("child");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                childPlugins.toString(), cache.toString(), String.valueOf(ROUNDS))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        List<String> failures;
        try {
            failures = rounds(parentPlugins, cache, ROUNDS);
        } finally {
            if (!child.waitFor(300, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        String log = Files.readString(tmp.resolve("child.log"));
        assertEquals(List.of(), failures, "the parent's loads");
        assertEquals(0, child.exitValue(), "the child's loads:\n" + log);
        assertTrue(log.contains("rounds " + ROUNDS + ", failures 0"), log);
    }

    /** A plugin folder: plugins of its own and the plugins both processes load. */
    private Path plugins(String owner) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(owner));
        for (String id : List.of(owner + "0", owner + "1", "shared0", "shared1")) {
            Path work = Files.createDirectories(tmp.resolve("work").resolve(owner).resolve(id));
            Plugins.Spec spec = new Plugins(work).plugin(id)
                    .java(id + ".Reader", reader(id)).extension(GREETER, id + ".Reader", 0);
            for (int lib = 0; lib < PLUGINS; lib++) {
                byte[] noise = new byte[20_000];
                new java.util.Random((id + lib).hashCode()).nextBytes(noise);
                Path jar = TestPlugin.Jars.write(work.resolve("lib" + lib + ".jar"), Map.of(
                        id + "/words" + lib + ".txt", (id + lib).getBytes(StandardCharsets.UTF_8),
                        "noise.bin", noise), null);
                spec.library("lib" + lib + ".jar", jar);
            }
            spec.zip(dir);
        }
        return dir;
    }

    /** An extension that reads one resource from each of its plugin's bundled jars. */
    private static String reader(String id) {
        return "package " + id + ";\npublic class Reader implements " + GREETER + " {\n"
                + "  public String greet() {\n"
                + "    StringBuilder out = new StringBuilder();\n"
                + "    for (int i = 0; i < " + PLUGINS + "; i++) {\n"
                + "      try (var in = Reader.class.getClassLoader().getResourceAsStream(\"" + id + "/words\" + i + \".txt\")) {\n"
                + "        out.append(new String(in.readAllBytes()));\n"
                + "      } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }\n"
                + "    }\n"
                + "    return out.toString();\n  }\n}\n";
    }

    private static String expected(String id) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < PLUGINS; i++) {
            out.append(id).append(i);
        }
        return out.toString();
    }

    /**
     * Loads the folder, then loads, checks and unloads each plugin again by itself (every load
     * purges the cache), {@code rounds} times.
     *
     * @return what went wrong, empty if nothing did
     */
    static List<String> rounds(Path plugins, Path cache, int rounds) {
        List<String> failures = new ArrayList<>();
        List<Path> files;
        try (var list = Files.list(plugins)) {
            files = list.sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.util.Set<String> expected = new java.util.TreeSet<>();
        files.forEach(f -> expected.add(expected(f.getFileName().toString().replace(".zip", ""))));
        for (int r = 0; r < rounds; r++) {
            try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(plugins).hostVersion("1.0.0")
                    .sharedPackages("dev.graft.loader.fixture.api").cache(cache, 1).build()) {
                check(runtime.plugins(), failures, r);
                for (Path file : files) {
                    runtime.unload(file.getFileName().toString().replace(".zip", ""));
                    check(runtime.load(file), failures, r);
                    java.util.Set<String> read = new java.util.TreeSet<>();
                    runtime.extensions(Greeter.class).forEach(g -> read.add(g.greet()));
                    if (!read.equals(expected)) {
                        failures.add("round " + r + ": read " + read + ", expected " + expected);
                    }
                }
            } catch (RuntimeException e) {
                failures.add("round " + r + ": " + e);
            }
        }
        return failures;
    }

    private static void check(List<PluginStatus> statuses, List<String> failures, int round) {
        for (PluginStatus s : statuses) {
            if (s.state() != PluginState.LOADED) {
                failures.add("round " + round + ": " + s + " " + s.reason());
            }
        }
    }

    /** The other process: {@code Child <plugin folder> <cache folder> <rounds>}. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            int rounds = Integer.parseInt(args[2]);
            List<String> failures = rounds(Path.of(args[0]), Path.of(args[1]), rounds);
            failures.forEach(System.out::println);
            System.out.println("rounds " + rounds + ", failures " + failures.size());
            System.exit(failures.isEmpty() ? 0 : 1);
        }
    }
}
