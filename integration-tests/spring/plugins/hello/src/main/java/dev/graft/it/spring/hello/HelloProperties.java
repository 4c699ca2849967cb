package dev.graft.it.spring.hello;

import dev.graft.Extension;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Configuration properties of the plugin, bound by the host's Spring Boot from the host's
 * application.yml ({@code hello.salutation}). A component without an extension point: indexed
 * under {@code org.springframework.stereotype.Component}. The default is never what the host sets,
 * so a greeting holding the host's value proves the binding.
 */
@Extension
@Component
@ConfigurationProperties("hello")
public class HelloProperties {

    private String salutation = "unbound";

    /** @return the word a greeting starts with */
    public String getSalutation() {
        return salutation;
    }

    /** @param salutation the word a greeting starts with */
    public void setSalutation(String salutation) {
        this.salutation = salutation;
    }
}
