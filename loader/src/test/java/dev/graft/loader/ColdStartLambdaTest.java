package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.fixture.Plugins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one cold-start trick Graft keeps (issue 13, item 5): the four sort orders of a load and a
 * lookup (PluginLoading, ZipListing, ExtensionIndex, Snapshot) are anonymous classes, because as
 * lambdas they cost 13% of Graft's time at N=100 in a fresh JVM. A child JVM loads two plugins and
 * lists a point with class loading logged; a lambda in one of those orders shows as a hidden
 * {@code $$Lambda} class of its class.
 */
class ColdStartLambdaTest {

    private static final Pattern LAMBDA = Pattern.compile("(dev\\.graft\\.loader\\.[\\w.$]*?)\\$\\$Lambda");

    @TempDir
    Path tmp;

    @Test
    void aColdLoadAndListingSpinNoLambdaForASortOrder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Plugins plugins = new Plugins(tmp);
        for (String id : List.of("beta", "alpha")) {
            plugins.plugin(id)
                    .java(id + ".Two", greeter(id + ".Two", "two"))
                    .java(id + ".One", greeter(id + ".One", "one"))
                    .extension(GREETER, id + ".Two", 0)
                    .extension(GREETER, id + ".One", 0)
                    .zip(dir);
        }
        List<String> out = child(dir);
        assertTrue(out.contains("ENTRIES alpha.One alpha.Two beta.One beta.Two"), "the child listed the point: " + out);
        assertTrue(out.stream().anyMatch(l -> l.contains("dev.graft.loader.Snapshot ")), "class loading was logged");
        List<String> lambdasOf = new ArrayList<>();
        for (String line : out) {
            Matcher m = LAMBDA.matcher(line);
            if (m.find()) {
                lambdasOf.add(m.group(1));
            }
        }
        assertTrue(lambdasOf.contains("dev.graft.loader.PluginLoading$Opener"), "lambdas were logged: " + lambdasOf);
        // PluginLoading's one lambda is the opening threads' worker
        assertEquals(1, lambdasOf.stream().filter(c -> c.equals("dev.graft.loader.PluginLoading")).count(), lambdasOf::toString);
        for (String sorts : List.of("dev.graft.loader.Snapshot", "dev.graft.loader.Snapshot$Candidate",
                "dev.graft.loader.ExtensionIndex", "dev.graft.loader.archive.ZipListing")) {
            assertFalse(lambdasOf.contains(sorts), sorts + " spun a lambda: " + lambdasOf);
        }
    }

    private static List<String> child(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"), Listing.class.getName(),
                dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().toList();
    }

    /** The child: loads the plugins of a folder and lists the greeters, by class name. */
    static final class Listing {
        public static void main(String[] args) {
            try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(Path.of(args[0])).hostVersion("1.0.0")
                    .sharedPackages("dev.graft.loader.fixture.api").build()) {
                StringBuilder names = new StringBuilder("ENTRIES");
                for (ExtensionEntry e : runtime.entries(GREETER)) {
                    names.append(' ').append(e.className());
                }
                System.out.println(names);
            }
        }
    }
}
