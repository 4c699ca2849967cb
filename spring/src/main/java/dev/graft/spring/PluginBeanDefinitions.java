package dev.graft.spring;

import org.springframework.beans.factory.annotation.AnnotatedGenericBeanDefinition;
import org.springframework.context.annotation.AnnotationConfigUtils;

/**
 * The bean definition of a plugin class: built from the loaded class, not its name, so that Spring
 * never looks the class or its class file up through the host's loader (it parses a configuration
 * class, and a component's {@code @Bean} methods, from the class itself), with the definition
 * annotations Spring reads on a scanned component ({@code @Lazy}, {@code @Primary},
 * {@code @DependsOn}, {@code @Role}, {@code @Description}), and marked with its plugin.
 */
final class PluginBeanDefinitions {

    private PluginBeanDefinitions() {
    }

    static AnnotatedGenericBeanDefinition of(Class<?> type, String pluginId, String resourceDescription,
            String... dependsOn) {
        AnnotatedGenericBeanDefinition definition = new AnnotatedGenericBeanDefinition(type);
        AnnotationConfigUtils.processCommonDefinitionAnnotations(definition);
        definition.setAttribute(GraftBeans.PLUGIN_ATTRIBUTE, pluginId);
        definition.setResourceDescription(resourceDescription);
        String[] declared = definition.getDependsOn();
        definition.setDependsOn(declared == null ? dependsOn : concat(declared, dependsOn));
        return definition;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
