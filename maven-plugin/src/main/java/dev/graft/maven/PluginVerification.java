package dev.graft.maven;

import dev.graft.cli.HostOptions;
import dev.graft.cli.VerifyCommand;
import dev.graft.cli.verify.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;

/**
 * What graft:verify decides, apart from Maven: verifies the plugin the build made (its zip, or its
 * classes and runtime jars laid out as an exploded plugin) against the host API jars with
 * {@code graft verify}'s verifier, and fails with its report when a reference does not resolve.
 */
final class PluginVerification {

    private PluginVerification() {
    }

    /**
     * @param zip the zip graft:package wrote; verified if it exists
     * @param classes the plugin's classes, verified (with {@code libraries}) when there is no zip
     * @param libraries the plugin's runtime jars, for the classes
     * @param host the host's version, shared packages and API jars (the project's {@code provided} dependencies)
     * @param installed the folder of plugins installed with it, or {@code null}: then the
     *     {@code provided} dependencies that are Graft plugins (a jar with a plugin manifest: the
     *     plugins this one depends on) are installed beside it instead of being host API
     * @return the report, when the plugin links
     * @throws MojoFailureException with the report, when it does not
     */
    static Report verify(Path zip, Path classes, List<Path> libraries, HostOptions host, Path installed)
            throws MojoFailureException {
        if (installed == null) {
            ProvidedPlugins provided = ProvidedPlugins.of(host.hostClassPath());
            if (!provided.plugins().isEmpty()) {
                try {
                    return verify(zip, classes, libraries, HostOptions.of(host.hostVersion(), host.shared(),
                            provided.hostApi()), provided.folder());
                } finally {
                    delete(provided.folder());
                }
            }
        }
        Report report;
        if (Files.exists(zip)) {
            report = VerifyCommand.verify(zip, installed, host);
        } else {
            Path exploded = explode(classes, libraries);
            try {
                report = VerifyCommand.verify(exploded, installed, host);
            } finally {
                delete(exploded.getParent());
            }
        }
        if (!report.ok()) {
            throw new MojoFailureException("graft:verify: " + report.text().stripTrailing());
        }
        return report;
    }

    /** Lays the classes and jars out as an exploded plugin ({@code classes/}, {@code lib/}) in a temporary folder. */
    private static Path explode(Path classes, List<Path> libraries) {
        try {
            return explode(classes, libraries, Files.createTempDirectory("graft-verify").resolve("plugin"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out " + classes + " as a plugin: " + e.getMessage(), e);
        }
    }

    /**
     * Lays classes and jars out as an exploded plugin.
     *
     * @param classes a classes folder
     * @param libraries jars, copied into {@code lib/}
     * @param plugin the plugin folder to create
     * @return {@code plugin}
     * @throws IOException if a file cannot be copied
     */
    static Path explode(Path classes, List<Path> libraries, Path plugin) throws IOException {
        Path target = Files.createDirectories(plugin.resolve("classes"));
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(classes.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path lib = Files.createDirectories(plugin.resolve("lib"));
        for (Path jar : libraries) {
            Files.copy(jar, lib.resolve(jar.getFileName().toString()));
        }
        return plugin;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it
        }
    }
}
