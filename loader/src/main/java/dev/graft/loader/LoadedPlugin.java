package dev.graft.loader;

import dev.graft.loader.internal.Linker;
import dev.graft.loader.internal.PluginArchive;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** A plugin the runtime has loaded: its manifest, class loaders and extension index. */
public final class LoadedPlugin {

    private final PluginArchive archive;
    private final Linker.Pair loaders;
    private final ExtensionIndex index;
    private final List<String> linked;

    LoadedPlugin(PluginArchive archive, Linker.Pair loaders, ExtensionIndex index, List<String> linked) {
        this.archive = archive;
        this.loaders = loaders;
        this.index = index;
        this.linked = List.copyOf(linked);
    }

    /** @return the plugin id */
    public String id() {
        return archive.manifest().id();
    }

    /** @return the plugin version */
    public Version version() {
        return archive.manifest().version();
    }

    /** @return what the plugin declares */
    public PluginManifest manifest() {
        return archive.manifest();
    }

    /** @return the file or directory the plugin came from */
    public Path source() {
        return archive.source();
    }

    /** @return {@code "zip"}, {@code "jar"} or {@code "directory"}, and {@code "pf4j"} for pf4j metadata */
    public String format() {
        return archive.layout().name().toLowerCase(java.util.Locale.ROOT)
                + (archive.metadata() == PluginArchive.Metadata.PF4J ? " (pf4j)" : "");
    }

    /** @return the loader of the plugin's own classes; what {@link ExtensionIndex#read(ClassLoader)} takes */
    public ClassLoader classLoader() {
        return loaders.classes();
    }

    /** @return the loader of the plugin's {@code lib/}, if it bundles any jar */
    public Optional<ClassLoader> libraryLoader() {
        return Optional.ofNullable(loaders.libraries());
    }

    /** @return the plugin's extension index */
    public ExtensionIndex index() {
        return index;
    }

    /**
     * The plugins whose exported packages this plugin sees: its installed dependencies, required
     * and optional, that were loaded before it.
     *
     * @return their ids, sorted
     */
    public List<String> linkedDependencies() {
        return linked;
    }

    /**
     * Runs plugin code with the thread context class loader set to this plugin's loader, as the
     * runtime does when it creates extensions, so that libraries which look up classes or services
     * through the context loader find the plugin's.
     *
     * @param action the code to run
     * @param <V> its result type
     * @return its result
     * @throws Exception whatever the action throws
     */
    public <V> V callWithContextLoader(Callable<V> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loaders.classes());
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    PluginArchive archive() {
        return archive;
    }

    Linker.Pair loaders() {
        return loaders;
    }

    @Override
    public String toString() {
        return id() + " " + version() + " (" + source().getFileName() + ")";
    }
}
