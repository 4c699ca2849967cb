package dev.graft.it.spring.host;

import dev.graft.it.spring.api.Clock;
import dev.graft.it.spring.api.Greeter;
import dev.graft.it.spring.api.Journal;
import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.classloading.PluginClassLoader;
import dev.graft.spring.PluginBeans;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The host's own endpoints: what its plugins contribute as seen from the host, and the
 * administration a test needs from another process (unloading a plugin, asking a plugin's loader
 * what it loaded, reading the journal plugin beans write to).
 *
 * <p>The greeters are asked for at each request, through an {@link ObjectProvider}, never kept in
 * a list from start-up: a plugin unloaded later is neither called nor kept reachable by the host.
 */
@RestController
public class HostController {

    private final ObjectProvider<Greeter> greeters;
    private final PluginRuntime runtime;
    private final PluginBeans plugins;
    private final Journal journal;
    /** The loaders of the plugins unloaded so far, weakly: to tell whether anything still holds them. */
    private final List<WeakReference<ClassLoader>> unloadedLoaders = new ArrayList<>();

    /**
     * @param greeters every {@link Greeter} bean, plugins' included, at the time of each call
     * @param runtime the runtime graft-spring-boot-starter built from {@code graft.*}
     * @param plugins the plugins' beans, to unload one
     * @param journal where plugin beans record their life cycle
     */
    public HostController(ObjectProvider<Greeter> greeters, PluginRuntime runtime, PluginBeans plugins, Journal journal) {
        this.greeters = greeters;
        this.runtime = runtime;
        this.plugins = plugins;
        this.journal = journal;
    }

    /** @return {@code spring-boot=<version> spring=<version>}: the Spring Boot and Spring Framework the host runs on */
    @GetMapping("/admin/versions")
    public String versions() {
        return "spring-boot=" + SpringBootVersion.getVersion() + " spring=" + SpringVersion.getVersion();
    }

    /** @return the greeting of every Greeter bean in the context now, in Spring's order */
    @GetMapping("/greetings")
    public List<String> greetings() {
        return greeters.orderedStream().map(Greeter::greet).toList();
    }

    /** @return each loaded plugin, as {@code id format}, in load order */
    @GetMapping("/admin/plugins")
    public List<String> plugins() {
        return runtime.loadedPlugins().stream().map(p -> p.id() + " " + p.format()).toList();
    }

    /**
     * Unloads a plugin and its dependents: their endpoints are unmapped, their beans destroyed
     * ({@code @PreDestroy} runs), then the runtime unloads them.
     *
     * @param id the plugin
     * @return the ids unloaded, in unload order
     */
    @PostMapping("/admin/unload/{id}")
    public synchronized List<String> unload(@PathVariable("id") String id) {
        for (String unloading : runtime.unloadOrder(id)) {
            runtime.plugin(unloading).filter(LoadedPlugin::isLinked).ifPresent(p -> {
                unloadedLoaders.add(new WeakReference<>(p.classLoader()));
                p.libraryLoader().ifPresent(l -> unloadedLoaders.add(new WeakReference<>(l)));
            });
        }
        return plugins.unload(id);
    }

    /**
     * Collects garbage (up to 20 rounds, until the weak references are cleared) and says how many
     * of the unloaded plugins' class loaders are gone. Only weak and soft references held by
     * Spring or Graft would keep one: a strong one keeps it whatever the rounds.
     *
     * @return {@code <collected> of <unloaded> unloaded plugin loaders collected}
     * @throws InterruptedException if interrupted between rounds
     */
    @GetMapping("/admin/unloaded-loaders")
    public synchronized String unloadedLoaders() throws InterruptedException {
        for (int i = 0; i < 20 && unloadedLoaders.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        long collected = unloadedLoaders.stream().filter(r -> r.get() == null).count();
        return collected + " of " + unloadedLoaders.size() + " unloaded plugin loaders collected";
    }

    /** @return what plugin beans recorded, in order */
    @GetMapping("/admin/journal")
    public List<String> journal() {
        return journal.entries();
    }

    /**
     * Whether a plugin's own loader has loaded a class. The host runs on the class path (Spring
     * Boot's launcher loader, the plugin loaders' host), so Graft's implementation class
     * {@link PluginClassLoader} is visible to it, which it would not be on the module path.
     *
     * @param plugin a loaded plugin's id
     * @param className a binary class name
     * @return {@code true} if the plugin's loader has loaded the class, else {@code false}
     */
    @GetMapping("/admin/loaded")
    public boolean loaded(@RequestParam("plugin") String plugin, @RequestParam("class") String className) {
        LoadedPlugin loaded = runtime.plugin(plugin).orElseThrow(() -> new IllegalArgumentException("no plugin " + plugin));
        return ((PluginClassLoader) loaded.classLoader()).hasLoaded(className);
    }

    /**
     * How the classes meet in the executable jar.
     *
     * @param plugin a loaded plugin's id
     * @return {@code host=<the class of the host's loader> graft=<the class of graft-loader's loader>
     *     sharedApi=<whether the plugin's loader gives the host's very Clock class>}
     * @throws ClassNotFoundException if the plugin's loader cannot find the shared API at all
     */
    @GetMapping("/admin/class-loading")
    public String classLoading(@RequestParam("plugin") String plugin) throws ClassNotFoundException {
        ClassLoader pluginLoader = runtime.plugin(plugin).orElseThrow().classLoader();
        return "host=" + SpringHost.class.getClassLoader().getClass().getName()
                + " graft=" + PluginRuntime.class.getClassLoader().getClass().getName()
                + " sharedApi=" + (pluginLoader.loadClass(Clock.class.getName()) == Clock.class);
    }
}
