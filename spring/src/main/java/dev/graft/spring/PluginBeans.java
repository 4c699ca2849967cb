package dev.graft.spring;

import dev.graft.loader.PluginRuntime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.CachedIntrospectionResults;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The plugins of a Spring context: which beans each contributed, and unloading one with its
 * dependents. Spring Boot hosts get it as a bean; a plain Spring host creates it over the runtime
 * it passed to {@link GraftBeans#register}.
 */
public final class PluginBeans {

    private static final boolean WEB_MVC = ClassUtils.isPresent(
            "org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping", PluginBeans.class.getClassLoader());

    private final PluginRuntime runtime;
    private final DefaultListableBeanFactory beanFactory;

    /**
     * @param runtime the runtime whose extensions are beans
     * @param beanFactory the context's bean factory, whose request mappings lose a plugin's
     *     endpoints when it unloads
     */
    public PluginBeans(PluginRuntime runtime, DefaultListableBeanFactory beanFactory) {
        this.runtime = runtime;
        this.beanFactory = beanFactory;
    }

    /**
     * The beans a plugin contributed: its extensions, the beans of their {@code @Bean} methods
     * (and of those beans' own, transitively), and any other bean whose class one of its loaders
     * defines (registered by an {@code @Import} or a scan of its configuration).
     *
     * @param pluginId a plugin
     * @return the names of its beans, in registration order
     */
    public List<String> beanNames(String pluginId) {
        Set<String> mine = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) { // a @Bean method's bean can be a configuration whose @Bean methods add more
            grew = false;
            for (String name : beanFactory.getBeanDefinitionNames()) {
                if (!mine.contains(name) && belongs(beanFactory.getBeanDefinition(name), pluginId, mine)) {
                    grew = mine.add(name);
                }
            }
        }
        return new ArrayList<>(mine);
    }

    private boolean belongs(BeanDefinition definition, String pluginId, Set<String> mine) {
        if (pluginId.equals(definition.getAttribute(GraftBeans.PLUGIN_ATTRIBUTE))
                || (definition.getFactoryBeanName() != null && mine.contains(definition.getFactoryBeanName()))) {
            return true;
        }
        Class<?> type = definition instanceof AbstractBeanDefinition a && a.hasBeanClass() ? a.getBeanClass() : null;
        return type != null && runtime.pluginOf(type).filter(p -> p.id().equals(pluginId)).isPresent();
    }

    /**
     * Unloads a plugin and the plugins that depend on it, in {@link PluginRuntime#unloadOrder}:
     * for each, its endpoints are unmapped and its beans destroyed ({@code @PreDestroy} runs, while
     * its loaders are still open), then the runtime unloads them and Spring's caches forget their
     * classes, so that nothing of the context keeps their loaders reachable.
     *
     * @param pluginId the plugin
     * @return the ids unloaded, in unload order
     */
    public synchronized List<String> unload(String pluginId) {
        Set<ClassLoader> loaders = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (String id : runtime.unloadOrder(pluginId)) {
            runtime.plugin(id).ifPresent(p -> {
                if (p.isLinked()) {
                    loaders.add(p.classLoader());
                    p.libraryLoader().ifPresent(loaders::add);
                }
            });
            List<String> beans = beanNames(id);
            if (WEB_MVC) {
                WebEndpoints.unmap(beanFactory, beans);
            }
            for (String name : beans) {
                remove(name);
            }
        }
        List<String> unloaded = runtime.unload(pluginId);
        forgetClasses(loaders);
        return unloaded;
    }

    /**
     * Destroys a bean and removes its definition. Spring keeps the merged definition of a removed
     * bean (marked stale, with its resolved class, until the name is merged again), which would
     * keep the plugin's classes reachable; merging a placeholder under the name replaces it.
     */
    private void remove(String name) {
        beanFactory.removeBeanDefinition(name);
        beanFactory.registerBeanDefinition(name, new RootBeanDefinition(Object.class));
        beanFactory.getMergedBeanDefinition(name);
        beanFactory.removeBeanDefinition(name);
    }

    /**
     * Clears what Spring keeps of the unloaded plugins' classes: the caches a context clears when
     * it refreshes, and the class-keyed caches of its infrastructure ({@link ClassKeyedCaches}).
     */
    private void forgetClasses(Set<ClassLoader> loaders) {
        beanFactory.clearMetadataCache();
        ReflectionUtils.clearCache();
        AnnotationUtils.clearCache();
        ResolvableType.clearCache();
        loaders.forEach(CachedIntrospectionResults::clearClassLoader);
        List<Object> infrastructure = new ArrayList<>(beanFactory.getBeanPostProcessors());
        infrastructure.add(beanFactory);
        for (String name : beanFactory.getSingletonNames()) {
            Object singleton = beanFactory.getSingleton(name);
            if (singleton != null && singleton.getClass().getName().startsWith("org.springframework.")) {
                infrastructure.add(singleton);
            }
        }
        ClassKeyedCaches.evict(infrastructure, loaders::contains);
    }
}
