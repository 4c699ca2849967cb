package dev.graft.loader;

import dev.graft.format.PluginManifest;
import dev.graft.format.Version;
import dev.graft.loader.archive.PluginArchive;
import dev.graft.loader.classloading.Linkage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** A plugin the runtime has loaded: its manifest, class loaders and extension index. */
public final class LoadedPlugin {

    private final PluginArchive archive;
    private final Linkage linkage;
    private final ExtensionIndex index;
    private final List<String> linked;

    LoadedPlugin(PluginArchive archive, Linkage linkage, ExtensionIndex index, List<String> linked) {
        this.archive = archive;
        this.linkage = linkage;
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

    /** @return how the plugin is packaged and whose metadata it carries */
    public PluginFormat format() {
        return PluginFormat.of(archive.layout(), archive.metadata());
    }

    /**
     * The packages a Spring host component-scans in this plugin's loader: the {@code path} of a
     * legacy Lavalink plugin ({@link PluginFormat#LAVALINK_JAR}), which has no extension index and
     * whose Spring components are found only by scanning. Empty for every other format, whose
     * extensions are listed by their index.
     *
     * @return the package names, dotted; empty unless the plugin is a Lavalink jar
     */
    public List<String> scanPackages() {
        return archive.scanPackages();
    }

    /**
     * The entries of a pf4j plugin's descriptor that Graft's manifest does not carry, for a host
     * that starts pf4j plugins ({@code graft-pf4j}): {@code plugin.class}, {@code plugin.description},
     * {@code plugin.provider} and {@code plugin.license}, by their {@code plugin.properties} names
     * whichever spelling the plugin used (a jar manifest's {@code Plugin-Class} is
     * {@code plugin.class}), those present and not blank.
     *
     * @return the entries, in that order; empty for every format but pf4j's
     */
    public java.util.Map<String, String> pf4jDescriptor() {
        return archive.descriptor();
    }

    /**
     * The loader of the plugin's own classes, created on first use (with the loaders of the
     * plugins it depends on); docs/class-loading.md has the rules.
     *
     * @return the loader; what {@link ExtensionIndex#read(ClassLoader)} takes
     */
    public ClassLoader classLoader() {
        return linkage.get();
    }

    /** @return the loader of the plugin's {@code lib/}, if it bundles any jar; created on first use */
    public Optional<ClassLoader> libraryLoader() {
        return Optional.ofNullable(linkage.pair().libraries());
    }

    /**
     * Which loader would serve a class to this plugin's classes loader, and by which rule of the
     * delegation table (docs/class-loading.md), without loading or defining the class: the same walk
     * as the loader's {@code loadClass}. Links the plugin (creates its loaders) if it is not yet;
     * no plugin code runs.
     *
     * @param className the binary class name
     * @return the route
     */
    public ClassRoute route(String className) {
        return linkage.pair().classes().explain(className);
    }

    /**
     * {@link #route(String)} as the plugin's library loader sees it.
     *
     * @param className the binary class name
     * @return the route; empty when the plugin bundles no jar
     */
    public Optional<ClassRoute> libraryRoute(String className) {
        return Optional.ofNullable(linkage.pair().libraries()).map(lib -> lib.explain(className));
    }

    /** @return whether the plugin's class loaders have been created: a class, resource or loader was asked for */
    public boolean isLinked() {
        return linkage.isLinked();
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
     * through the context loader find the plugin's; the caller's context loader is restored
     * afterwards. The way for a host to call plugin code from any thread of its own (for every call
     * on an interface point, {@link PluginRuntime#contextualExtensions(Class)}).
     *
     * @param action the code to run
     * @param <V> its result type
     * @return its result
     * @throws Exception whatever the action throws
     */
    public <V> V callWithContextLoader(Callable<V> action) throws Exception {
        return PluginContext.run(linkage.get(), action::call);
    }

    PluginArchive archive() {
        return archive;
    }

    Linkage linkage() {
        return linkage;
    }

    @Override
    public String toString() {
        return id() + " " + version() + " (" + source().getFileName() + ")";
    }
}
