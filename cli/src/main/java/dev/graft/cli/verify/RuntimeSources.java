package dev.graft.cli.verify;

import dev.graft.loader.ClassRoute;
import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The class sources of a {@link PluginRuntime}: each plugin loader answers by its routes
 * ({@link LoadedPlugin#route}, the loader's own decision, nothing loaded), and a class served by the
 * JDK or the host is then read through that loader's resources. Class files are read once each.
 */
final class RuntimeSources {

    private final PluginRuntime runtime;
    private final ClassLoader host;
    private final Map<String, ClassSource> sources = new HashMap<>();
    private final Map<String, ClassModel> models = new HashMap<>();

    RuntimeSources(PluginRuntime runtime, ClassLoader host) {
        this.runtime = runtime;
        this.host = host;
    }

    /** The source of a plugin's classes loader, or of its library loader. */
    ClassSource plugin(LoadedPlugin plugin, boolean libraries) {
        String key = "graft:" + plugin.id() + (libraries ? ":lib" : "");
        return sources.computeIfAbsent(key, k -> new ClassSource() {
            @Override
            public Optional<Found> find(String internalName) {
                String binary = internalName.replace('/', '.');
                ClassRoute route = libraries ? plugin.libraryRoute(binary).orElseThrow() : plugin.route(binary);
                if (route.classFile().isEmpty()) {
                    return Optional.empty();
                }
                ClassSource next = route.pluginId().isPresent()
                        ? plugin(runtime.plugin(route.pluginId().get()).orElseThrow(), route.libraries())
                        : loader(route.rule() == ClassRoute.Rule.JDK ? ClassLoader.getPlatformClassLoader() : host,
                                route.servedBy().orElseThrow());
                String how = route.servedBy().orElseThrow() + " (row " + route.row() + ")";
                return Optional.of(new Found(model(route.classFile().get()), next, how));
            }

            @Override
            public String label() {
                return k;
            }
        });
    }

    /** The source of the host's or the JDK's loader: parent first, as they load. */
    ClassSource loader(ClassLoader loader, String label) {
        return sources.computeIfAbsent(label, k -> new ClassSource() {
            @Override
            public Optional<Found> find(String internalName) {
                URL url = loader.getResource(internalName + ".class");
                return url == null ? Optional.empty() : Optional.of(new Found(model(url), this, label));
            }

            @Override
            public String label() {
                return label;
            }
        });
    }

    /** @return how many distinct class files were read */
    int classFilesRead() {
        return models.size();
    }

    private ClassModel model(URL url) {
        return models.computeIfAbsent(url.toString(), u -> {
            try (InputStream in = url.openStream()) {
                return ClassModel.read(dev.graft.cli.BoundedRead.read(in, u));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + u + ": " + e.getMessage(), e);
            } catch (RuntimeException e) { // ASM's way of saying a class file is malformed
                throw new UncheckedIOException(new IOException("cannot parse the class file " + u + ": " + e, e));
            }
        });
    }
}
