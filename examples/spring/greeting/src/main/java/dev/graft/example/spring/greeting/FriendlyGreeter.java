package dev.graft.example.spring.greeting;

import dev.graft.Extension;
import dev.graft.example.spring.api.Greeter;
import dev.graft.example.spring.api.HostInfo;
import org.springframework.stereotype.Service;

/** A greeter built by constructor injection: its own settings, and a bean of the host. */
@Extension
@Service
public class FriendlyGreeter implements Greeter {

    private final GreetingProperties properties;
    private final HostInfo host;

    /**
     * @param properties the plugin's settings
     * @param host the host's bean
     */
    public FriendlyGreeter(GreetingProperties properties, HostInfo host) {
        this.properties = properties;
        this.host = host;
    }

    @Override
    public String greet(String name) {
        return properties.getSalutation() + ", " + name + "! (plugin 'greeting', served by " + host.name() + ")";
    }
}
