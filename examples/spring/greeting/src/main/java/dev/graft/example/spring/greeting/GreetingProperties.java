package dev.graft.example.spring.greeting;

import dev.graft.Extension;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** The plugin's settings, bound from the host's {@code application.yml} ({@code greeting.salutation}). */
@Extension
@Component
@ConfigurationProperties("greeting")
public class GreetingProperties {

    private String salutation = "Hello";

    /** @return how a greeting starts */
    public String getSalutation() {
        return salutation;
    }

    /** @param salutation how a greeting starts */
    public void setSalutation(String salutation) {
        this.salutation = salutation;
    }
}
