package dev.graft.example.host;

import dev.graft.example.host.api.Command;
import dev.graft.example.host.api.Host;
import dev.graft.loader.ExtensionStatus;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.PluginStatus;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The example host: loads the plugins of a folder, prints what it found, and runs every command.
 *
 * <pre>
 * java -jar examples/host/target/graft-example-host.jar [plugin-folder] [input]
 * </pre>
 *
 * The folder defaults to {@code plugins/} next to the jar, where the build copies the example
 * plugins.
 */
public final class ExampleHost implements Host {

    /** The host's own version, which plugins name in {@code @Plugin(requires = ...)}. */
    static final String VERSION = "1.0.0";

    private final PluginRuntime runtime;

    private ExampleHost(PluginRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public <T> List<T> extensions(Class<T> point) {
        return runtime.extensions(point);
    }

    /**
     * Runs the host.
     *
     * @param args the plugin folder (optional) and the text the commands run on (optional)
     * @throws Exception if the plugin folder cannot be read
     */
    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "[%4$s] %5$s%6$s%n");
        }
        Path folder = args.length > 0 ? Path.of(args[0]) : defaultFolder();
        String input = args.length > 1 ? args[1] : "Hello Graft :)";
        if (!Files.isDirectory(folder)) {
            System.err.println("No plugin folder at " + folder + ". Build the examples first: mvn -B -q install -DskipTests");
            System.exit(2);
        }
        run(folder, input, System.out);
    }

    /**
     * Loads the plugins of {@code folder}, prints the report, and runs the commands on {@code input}.
     *
     * @param folder the plugin folder
     * @param input the text each command runs on
     * @param out where the report goes
     */
    static void run(Path folder, String input, PrintStream out) {
        try (PluginRuntime runtime = PluginRuntime.builder()
                .pluginDirectory(folder)
                .hostVersion(VERSION)
                .sharedPackages("dev.graft.example.host.api")
                .build()) {
            ExampleHost host = new ExampleHost(runtime);
            out.println("Graft example host " + VERSION + ", plugins from " + folder);
            out.println();
            out.println("Plugins, in load order:");
            for (PluginStatus status : runtime.plugins()) {
                out.printf("  %-8s %-16s %-8s %s%s%n", status.name(), status.version().map(String::valueOf).orElse("?"),
                        status.state(), status.source().getFileName(),
                        status.reason().isEmpty() ? "" : "\n           reason: " + status.reason());
            }
            out.println();
            out.println("Extension points:");
            for (String point : runtime.points()) {
                out.println("  " + point);
                for (ExtensionStatus e : runtime.describe(point)) {
                    out.printf("    %-8s %s (plugin %s, ordinal %d)%s%n", e.state(), e.className(), e.pluginId(),
                            e.ordinal(), e.reason().isEmpty() ? "" : "\n             reason: " + e.reason());
                }
            }
            out.println();
            out.println("Commands on \"" + input + "\":");
            for (Command command : host.extensions(Command.class)) {
                out.printf("  %-7s -> %s%n", command.name(), command.run(input, host));
            }
        }
    }

    private static Path defaultFolder() throws URISyntaxException {
        Path jar = Path.of(ExampleHost.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.resolveSibling("plugins");
    }
}
