package dev.graft.it.spring.hello;

import dev.graft.Extension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A configuration class of the plugin with {@code @Bean} methods, in full mode
 * ({@code proxyBeanMethods} left at its default, {@code true}): Spring enhances it with CGLIB, a
 * subclass defined beside it in the plugin's loader, without any JVM flag. Indexed under
 * {@code org.springframework.context.annotation.Configuration}.
 */
@Extension
@Configuration
public class HelloConfiguration {

    /** @return the signature of the plugin's greetings */
    @Bean
    public Signature signature() {
        return new Signature("the hello plugin");
    }

    /**
     * An inter-bean reference: enhanced, {@code signature()} returns the singleton; not enhanced,
     * a second {@link Signature}.
     *
     * @return the autograph
     */
    @Bean
    public Autograph autograph() {
        return new Autograph(signature());
    }
}
