package dev.graft.spring.testhost;

import dev.graft.spring.testhost.api.Greeter;
import dev.graft.spring.testhost.api.HostClock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** A Spring Boot host: a web server, a bean plugins inject, and a bean that injects the plugins' greeters. */
@SpringBootApplication
public class TestHost {

    /** @return the clock plugin beans receive */
    @Bean
    public HostClock hostClock() {
        return new HostClock();
    }

    /**
     * The host's own bean that uses every plugin's {@link Greeter}. It asks for them at each use
     * (an {@link ObjectProvider}, not a {@code List} kept from start-up), so a plugin unloaded
     * later is neither called nor kept reachable.
     */
    @Component
    public static class Greeters {
        private final ObjectProvider<Greeter> greeters;

        /** @param greeters every Greeter bean, plugins' included */
        public Greeters(ObjectProvider<Greeter> greeters) {
            this.greeters = greeters;
        }

        /** @return the greeters, now */
        public List<Greeter> all() {
            return greeters.orderedStream().toList();
        }
    }
}
