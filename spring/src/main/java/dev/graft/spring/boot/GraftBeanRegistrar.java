package dev.graft.spring.boot;

import dev.graft.loader.PluginRuntime;
import dev.graft.spring.GraftBeans;
import dev.graft.spring.PluginBeans;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Loads the plugin folder while the context's configuration is parsed, so that plugin beans are
 * registered, and plugin {@code @Configuration} classes processed, like the host's own: builds
 * the {@link PluginRuntime} from {@link GraftProperties}, registers it as the bean
 * {@value #RUNTIME_BEAN} (closed with the context), then every active extension
 * ({@link GraftBeans#register}).
 */
final class GraftBeanRegistrar implements ImportBeanDefinitionRegistrar {

    /** The runtime's bean name. */
    static final String RUNTIME_BEAN = "graftPluginRuntime";

    /** The {@link PluginBeans} bean's name. */
    static final String PLUGINS_BEAN = "graftPluginBeans";

    private final Environment environment;
    private final BeanFactory beanFactory;
    private final ClassLoader classLoader;

    GraftBeanRegistrar(Environment environment, BeanFactory beanFactory, ClassLoader classLoader) {
        this.environment = environment;
        this.beanFactory = beanFactory;
        this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        if (registry.containsBeanDefinition(RUNTIME_BEAN)) {
            return;
        }
        GraftProperties properties = Binder.get(environment).bind("graft", GraftProperties.class)
                .orElseGet(GraftProperties::new);
        PluginRuntime runtime = build(properties);
        registry.registerBeanDefinition(RUNTIME_BEAN, BeanDefinitionBuilder
                .genericBeanDefinition(PluginRuntime.class, () -> runtime).setDestroyMethodName("close")
                .getBeanDefinition());
        GraftBeans.register(runtime, registry, environment, RUNTIME_BEAN);
        if (beanFactory instanceof DefaultListableBeanFactory factory) {
            registry.registerBeanDefinition(PLUGINS_BEAN, BeanDefinitionBuilder.genericBeanDefinition(PluginBeans.class,
                    () -> new PluginBeans(runtime, factory))
                    .getBeanDefinition());
        }
    }

    private PluginRuntime build(GraftProperties p) {
        List<String> shared = new ArrayList<>(GraftProperties.DEFAULT_SHARED);
        shared.addAll(p.getSharedPackages());
        PluginRuntime.Builder builder = PluginRuntime.builder()
                .pluginDirectory(p.getPlugins().getDirectory())
                .hostVersion(p.getHostVersion())
                .sharedPackages(shared.toArray(String[]::new))
                .hostClassLoader(classLoader)
                .hostFallback(p.isHostFallback())
                .disable(p.getDisabled().toArray(String[]::new))
                .extensionFactory(GraftBeans.extensionFactory(beanFactory));
        if (p.getCacheDirectory() != null) {
            builder.cache(p.getCacheDirectory(), p.getCacheMaxBytes());
        }
        return builder.build();
    }
}
