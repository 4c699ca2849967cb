package dev.graft.spring.testhost;

import dev.graft.spring.testhost.api.Greeter;
import dev.graft.spring.testhost.api.HostClock;
import java.util.List;
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

    /** The host's own bean that receives every plugin's {@link Greeter}. */
    @Component
    public static class Greeters {
        private final List<Greeter> greeters;

        /** @param greeters every Greeter bean, plugins' included */
        public Greeters(List<Greeter> greeters) {
            this.greeters = greeters;
        }

        /** @return the greeters */
        public List<Greeter> all() {
            return greeters;
        }
    }
}
