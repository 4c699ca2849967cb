package dev.graft.cli;

import dev.graft.loader.PluginRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link PluginRuntime} over plugin folders, built as a host would build it, for the commands to
 * read: no plugin code runs (loaders are created, classes are never defined by the commands), and
 * the jars bundled in zips are extracted to a private temporary cache deleted on {@link #close()},
 * so the plugin folder is never written to.
 */
public final class FolderRuntime implements AutoCloseable {

    private final Path cache;
    private final URLClassLoader host;
    private final PluginRuntime runtime;

    private FolderRuntime(Path cache, URLClassLoader host, PluginRuntime runtime) {
        this.cache = cache;
        this.host = host;
        this.runtime = runtime;
    }

    /**
     * Loads the plugins of the folders, then the extra plugin files, as {@code PluginRuntime} does.
     *
     * @param folders plugin folders (may be empty)
     * @param extra plugin files or directories loaded after the folders' plugins, which they may depend on
     * @param options the host's version, shared packages and class path
     * @return the runtime
     * @throws UncheckedIOException if a folder cannot be read or the cache cannot be created
     */
    public static FolderRuntime open(List<Path> folders, List<Path> extra, HostOptions options) {
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new UncheckedIOException(new IOException("no plugin folder at " + folder));
            }
        }
        Path cache;
        try {
            cache = Files.createTempDirectory("graft-cli-cache");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary cache folder: " + e.getMessage(), e);
        }
        URLClassLoader host = HostOptions.hostLoader(options.hostClassPath());
        PluginRuntime.Builder builder = PluginRuntime.builder().hostVersion(options.hostVersion)
                .sharedPackages(options.shared().toArray(new String[0])).hostClassLoader(host)
                .cache(cache, Long.MAX_VALUE).startPlugins(false); // no plugin's start hook runs
        folders.forEach(builder::pluginDirectory);
        PluginRuntime runtime = builder.build();
        if (!extra.isEmpty()) {
            runtime.load(extra.toArray(new Path[0]));
        }
        return new FolderRuntime(cache, host, runtime);
    }

    /** @return the runtime */
    public PluginRuntime runtime() {
        return runtime;
    }

    /** @return the host loader the runtime was given */
    public ClassLoader host() {
        return host;
    }

    /** Closes the runtime and the host loader and deletes the temporary cache. */
    @Override
    public void close() {
        runtime.close();
        try {
            host.close();
        } catch (IOException e) {
            // nothing was loaded through it; its jars are closed with the JVM
        }
        try (Stream<Path> files = Files.walk(cache)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it
        }
    }
}
