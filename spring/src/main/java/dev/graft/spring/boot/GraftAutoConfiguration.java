package dev.graft.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;

/**
 * Loads {@code graft.plugins.directory} when it is set, and makes every active extension of its
 * plugins a bean of the host's context; the runtime itself is the bean
 * {@code graftPluginRuntime}. Options: {@link GraftProperties}.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "graft.plugins", name = "directory")
@Import(GraftBeanRegistrar.class)
public class GraftAutoConfiguration {
}
