package dev.graft.cli;

import dev.graft.cli.verify.Report;
import dev.graft.cli.verify.Verifier;
import dev.graft.loader.PluginStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graft verify PLUGIN --host CLASSPATH [--plugins DIR]}: a linkage check of the plugin's own classes. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks that every class, method and field the plugin's own classes reference resolves against"
                + " what its loader sees at run time: its classes, its libraries, the host (--host, --shared), the JDK"
                + " running graft, and the exports of the plugins of --plugins it depends on.",
                "References made only by an extension whose dependency is absent are conditional, not errors.",
                "Exit 1 if the plugin does not load or a reference is unresolved."})
public final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLUGIN", description = "The plugin zip, jar or folder")
    Path plugin;

    @Option(names = "--plugins", paramLabel = "DIR", description = "The folder of the plugins installed with it")
    Path plugins;

    @Mixin
    HostOptions host;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        Report report = verify(plugin, plugins, host);
        output.print(report::json, report::text);
        return report.ok() ? Main.OK : Main.PROBLEMS;
    }

    /**
     * Verifies a plugin in a runtime over the installed plugins, as the host would load it.
     *
     * @param plugin the plugin file or folder
     * @param installed the folder of the plugins installed with it, or {@code null}
     * @param host the host's version, shared packages and class path
     * @return the report
     * @throws UncheckedIOException if the plugin or a folder cannot be read
     */
    public static Report verify(Path plugin, Path installed, HostOptions host) {
        if (!Files.exists(plugin)) {
            throw new UncheckedIOException(new IOException("no plugin at " + plugin));
        }
        Path source = plugin.toAbsolutePath().normalize();
        boolean inFolder = installed != null && source.getParent() != null
                && source.getParent().equals(installed.toAbsolutePath().normalize());
        List<Path> folders = installed == null ? List.of() : List.of(installed);
        List<Path> extra = inFolder ? List.of() : List.of(source);
        List<Path> replacing = inFolder || installed == null ? List.of() : replacing(source, installed, host);
        if (!replacing.isEmpty()) {
            folders = List.of(); // the folder's other plugins and this one, loaded together
            extra = replacing;
        }
        try (FolderRuntime runtime = FolderRuntime.open(folders, extra, host)) {
            PluginStatus status = runtime.runtime().plugins().stream()
                    .filter(s -> s.source().toAbsolutePath().normalize().equals(source)).findFirst()
                    .orElseThrow(() -> new UncheckedIOException(new IOException(plugin + " is not a plugin")));
            return Verifier.verify(runtime.runtime(), runtime.host(), status);
        }
    }

    /**
     * When the folder holds another copy of the plugin (the version it replaces), the folder's other
     * plugins and this one, to be loaded together in its place; empty when it holds none.
     */
    private static List<Path> replacing(Path source, Path installed, HostOptions host) {
        try (FolderRuntime folder = FolderRuntime.open(List.of(installed), List.of(), host)) {
            List<PluginStatus> statuses = folder.runtime().plugins();
            // the plugin's id, read by loading it beside the folder's plugins, which it may depend on
            java.util.Optional<String> id = folder.runtime().load(source).get(0).id();
            if (id.isEmpty() || statuses.stream().noneMatch(s -> s.id().equals(id))) {
                return List.of();
            }
            List<Path> together = new java.util.ArrayList<>();
            statuses.stream().filter(s -> !s.id().equals(id)).map(PluginStatus::source).sorted().forEach(together::add);
            together.add(source);
            return together;
        }
    }
}
