package dev.graft.spring;

import dev.graft.loader.ExtensionEntry;
import dev.graft.loader.ExtensionException;
import dev.graft.loader.ExtensionFactory;
import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.core.env.Environment;

/**
 * Registers the active extensions of a {@link PluginRuntime} as beans.
 *
 * <p>Each extension class of each loaded plugin becomes one singleton bean, named
 * {@link #beanName(String, String) pluginId/className}, whatever number of points it is indexed
 * under (a Spring component without a point is indexed under its stereotype). Its class is loaded
 * through the plugin's loader when it is registered; an extension that is skipped (its dependency
 * is absent) is never registered, and its class never loaded. Spring creates the bean as any other:
 * constructor injection, {@code @Autowired}, {@code @Value}, {@code @PostConstruct}, and
 * {@code @Configuration} classes with their {@code @Bean} methods. The runtime is built with
 * {@link #extensionFactory(BeanFactory)}, so {@code runtime.extensions(T)} returns the beans
 * themselves: one instance per extension.
 */
public final class GraftBeans {

    /** The bean definition attribute holding the id of the plugin a bean comes from. */
    public static final String PLUGIN_ATTRIBUTE = "dev.graft.plugin";

    private GraftBeans() {
    }

    /**
     * The factory a runtime inside Spring is built with: it returns the extension's bean, so the
     * runtime and the context share one instance.
     *
     * @param beanFactory the context's bean factory, where {@link #register} put the definitions
     * @return the factory
     */
    public static ExtensionFactory extensionFactory(BeanFactory beanFactory) {
        return context -> beanFactory.getBean(beanName(context.plugin().id(), context.type().getName()));
    }

    /**
     * The bean name of an extension class: unique in a context, since a plugin id is unique in a
     * runtime and a class name within a plugin.
     *
     * @param pluginId the plugin
     * @param className the extension class's binary name
     * @return {@code pluginId/className}
     */
    public static String beanName(String pluginId, String className) {
        return pluginId + "/" + className;
    }

    private static final String LIFECYCLE = dev.graft.PluginLifecycle.class.getName();

    /**
     * Registers a bean definition for every active extension of the runtime but the plugins'
     * {@link dev.graft.PluginLifecycle} hooks, in the runtime's order (points by name, then extension order), with the components that the
     * {@code @ComponentScan} of an extension class finds in its plugin's loader, then every
     * component that Spring's scan finds under the scan packages of a plugin that names some (a
     * legacy Lavalink plugin's {@code path}), and makes the bean factory create plugin beans with
     * their plugin's loader as the thread context loader.
     *
     * @param runtime the runtime, built with {@link #extensionFactory(BeanFactory)}
     * @param registry where the definitions go (the context's bean factory)
     * @param environment the context's environment, which the conditions of scanned legacy
     *     components are evaluated against
     * @param dependsOn beans every plugin bean depends on, so destroyed after them (the runtime's
     *     bean, if it is one: plugin beans are destroyed while their loaders are open)
     * @return the names of the registered beans, by plugin id
     */
    public static Map<String, List<String>> register(PluginRuntime runtime, BeanDefinitionRegistry registry,
            Environment environment, String... dependsOn) {
        if (registry instanceof AbstractAutowireCapableBeanFactory factory) {
            PluginContextInstantiation.install(factory, runtime);
        }
        Registration registration = new Registration(runtime, registry, environment, dependsOn, new LinkedHashMap<>());
        for (String point : runtime.points()) {
            if (point.equals(LIFECYCLE)) {
                continue; // a plugin's start and stop hooks run before the context exists; they are not beans
            }
            for (ExtensionEntry entry : runtime.entries(point)) {
                registration.extension(entry);
            }
        }
        for (LoadedPlugin plugin : runtime.loadedPlugins()) {
            registration.scan(plugin, plugin.scanPackages());
        }
        return registration.names();
    }

    /** One {@link #register} call: where definitions go, and the names registered so far, by plugin. */
    private record Registration(PluginRuntime runtime, BeanDefinitionRegistry registry, Environment environment,
            String[] dependsOn, Map<String, List<String>> names) {

        /** Registers an extension's class, and what its {@code @ComponentScan} finds in its plugin. */
        void extension(ExtensionEntry entry) {
            String plugin = entry.pluginId().orElseThrow();
            String name = beanName(plugin, entry.className());
            if (registry.containsBeanDefinition(name)) {
                return; // a class indexed under several points is one bean
            }
            Class<?> type;
            try {
                type = entry.load();
            } catch (ExtensionException e) { // the plugin's fault: no bean, the runtime reports it FAILED
                System.getLogger("dev.graft.spring").log(System.Logger.Level.WARNING, e.getMessage(), e);
                return;
            }
            registry.registerBeanDefinition(name, PluginBeanDefinitions.of(type, plugin, describe(plugin), dependsOn));
            names.computeIfAbsent(plugin, k -> new ArrayList<>()).add(name);
            runtime.plugin(plugin).ifPresent(p -> scan(p, PluginComponentScan.packagesOf(type)));
        }

        /** Registers the components Spring's scan of some packages finds in a plugin's loader. */
        void scan(LoadedPlugin plugin, List<String> packages) {
            if (!packages.isEmpty()) {
                names.computeIfAbsent(plugin.id(), k -> new ArrayList<>()).addAll(PluginComponentScan.register(plugin,
                        packages, registry, environment, describe(plugin.id()), dependsOn));
            }
        }

        private String describe(String plugin) {
            return runtime.plugin(plugin).map(p -> "plugin " + p).orElse("plugin " + plugin);
        }
    }
}
