package dev.graft.maven;

import dev.graft.format.ManifestFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A plugin's {@code provided} dependencies, as graft:verify sees them: the ones that are Graft
 * plugins (a jar, or a reactor module's classes folder, holding {@code META-INF/graft/plugin.manifest}:
 * the plugins this one depends on, as {@code graft-example-reverse} depends on {@code text}) are
 * installed, each as a single-jar plugin, in a temporary folder beside the plugin verified, as a
 * host would install them; the others are the host's API.
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
            for (Path p : plugins) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    jar(p, folder.resolve(name + "-" + plugins.indexOf(p) + ".jar"));
                } else {
                    Files.copy(p, folder.resolve(name));
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

    /** A reactor module's classes folder as a jar. */
    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                zip.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }
}
