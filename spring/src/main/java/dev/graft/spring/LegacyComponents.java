package dev.graft.spring;

import dev.graft.loader.LoadedPlugin;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The components of a plugin that names packages to scan ({@link LoadedPlugin#scanPackages()}: a
 * legacy Lavalink plugin's {@code path}), found by Spring's own component scan inside the
 * plugin's loader, as Lavalink scans them in its shared one, and registered as that plugin's beans.
 */
final class LegacyComponents {

    private LegacyComponents() {
    }

    /**
     * @return the names of the beans registered, in scan order (by package, then as Spring lists them)
     */
    static List<String> register(LoadedPlugin plugin, BeanDefinitionRegistry registry, Environment environment,
            String description, String... dependsOn) {
        ClassLoader loader = plugin.classLoader();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true, environment);
        scanner.setResourceLoader(new DefaultResourceLoader(loader));
        List<String> names = new ArrayList<>();
        for (String pkg : plugin.scanPackages()) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(pkg)) {
                String name = GraftBeans.beanName(plugin.id(), candidate.getBeanClassName());
                if (registry.containsBeanDefinition(name)) {
                    continue;
                }
                Class<?> type;
                try {
                    type = Class.forName(candidate.getBeanClassName(), false, loader);
                } catch (ClassNotFoundException | LinkageError e) { // the plugin's fault: no bean, the host starts
                    System.getLogger("dev.graft.spring").log(System.Logger.Level.WARNING, "plugin '" + plugin.id()
                            + "': component " + candidate.getBeanClassName() + " found under " + pkg
                            + " cannot be loaded, so it is no bean: " + e, e);
                    continue;
                }
                registry.registerBeanDefinition(name, PluginBeanDefinitions.of(type, plugin.id(), description, dependsOn));
                names.add(name);
            }
        }
        return names;
    }
}
