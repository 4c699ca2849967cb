package dev.graft.spring;

import dev.graft.loader.LoadedPlugin;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScans;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A component scan inside one plugin's loader: Spring's own scan of some of the plugin's packages,
 * the components found registered as that plugin's beans. Used for the packages a legacy
 * Lavalink plugin names ({@link LoadedPlugin#scanPackages()}, its {@code path}, which Lavalink
 * scans in its one shared loader), and for the {@code @ComponentScan} of a plugin's configuration
 * class, which Spring itself would run through the host's loader and so find nothing of the plugin.
 */
final class PluginComponentScan {

    private PluginComponentScan() {
    }

    /**
     * @param packages the packages to scan, with their subpackages
     * @return the names of the beans registered, in scan order (by package, then as Spring lists them)
     */
    static List<String> register(LoadedPlugin plugin, List<String> packages, BeanDefinitionRegistry registry,
            Environment environment, String description, String... dependsOn) {
        ClassLoader loader = plugin.classLoader();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true, environment);
        scanner.setResourceLoader(new DefaultResourceLoader(loader));
        List<String> names = new ArrayList<>();
        for (String pkg : packages) {
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

    /**
     * The packages a plugin class's {@code @ComponentScan} annotations name ({@code value},
     * {@code basePackages}, {@code basePackageClasses}; the class's own package when they name
     * none), as Spring reads them; empty when the class has none.
     */
    static List<String> packagesOf(Class<?> type) {
        List<String> packages = new ArrayList<>();
        for (ComponentScan scan : AnnotatedElementUtils.findMergedRepeatableAnnotations(type, ComponentScan.class,
                ComponentScans.class)) {
            List<String> named = new ArrayList<>(List.of(scan.basePackages()));
            for (Class<?> c : scan.basePackageClasses()) {
                named.add(c.getPackageName());
            }
            packages.addAll(named.isEmpty() ? List.of(type.getPackageName()) : named);
        }
        return packages;
    }
}
