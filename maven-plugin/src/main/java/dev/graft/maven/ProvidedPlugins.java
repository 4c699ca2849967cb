package dev.graft.maven;

import dev.graft.format.ManifestFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * A plugin's {@code provided} dependencies, as graft:verify sees them: the ones that are Graft
 * plugins (a jar, or a reactor module's classes folder, holding {@code META-INF/graft/plugin.manifest}:
 * the plugins this one depends on, as {@code graft-example-reverse} depends on {@code text}) are
 * installed in a temporary folder beside the plugin verified, as a host would install them (a jar
 * as a single-jar plugin, a classes folder as an exploded plugin); the others are the host's API.
 *
 * @param plugins the dependencies that are plugins
 * @param hostApi the others
 * @param folder the temporary folder holding the plugins, or {@code null} when there are none
 */
record ProvidedPlugins(List<Path> plugins, List<Path> hostApi, Path folder) {

    static ProvidedPlugins of(List<Path> provided) {
        List<Path> plugins = new ArrayList<>();
        List<Path> api = new ArrayList<>();
        for (Path p : provided) {
            (isPlugin(p) ? plugins : api).add(p);
        }
        if (plugins.isEmpty()) {
            return new ProvidedPlugins(List.of(), api, null);
        }
        try {
            Path folder = Files.createTempDirectory("graft-verify-plugins");
            for (int i = 0; i < plugins.size(); i++) {
                Path p = plugins.get(i);
                if (Files.isDirectory(p)) { // two reactor modules' folders are both named classes
                    PluginVerification.explode(p, List.of(), folder.resolve(i + "-" + p.getFileName()));
                } else {
                    Files.copy(p, folder.resolve(p.getFileName()));
                }
            }
            return new ProvidedPlugins(plugins, api, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the provided plugins for graft:verify: " + e.getMessage(), e);
        }
    }

    private static boolean isPlugin(Path dependency) {
        if (Files.isDirectory(dependency)) {
            return Files.isRegularFile(dependency.resolve(ManifestFormat.PATH));
        }
        try (ZipFile zip = new ZipFile(dependency.toFile())) {
            return zip.getEntry(ManifestFormat.PATH) != null;
        } catch (IOException e) {
            return false; // not a readable jar: left on the host class path, where the verifier reports it
        }
    }
}
