package dev.graft.it.spring.host;

import dev.graft.it.spring.api.Clock;
import dev.graft.it.spring.api.Journal;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot host of the integration tests, as a Lavalink-like server is built: a web
 * application whose only Graft set-up is the dependency on graft-spring-boot-starter and the
 * {@code graft.*} keys of its application.yml. It runs as an executable jar
 * ({@code java -jar}), on Spring Boot 3.5 (host-boot3) and on Spring Boot 4.0 (host-boot4, the
 * same sources). Its own beans are the ones plugin beans inject; {@link HostController} serves
 * what the tests check.
 */
@SpringBootApplication
public class SpringHost {

    /** What the host's {@link Clock} always says. */
    public static final String NOW = "noon";

    /** @param args Spring Boot's command line: {@code --server.port=...}, {@code --graft.plugins.directory=...} */
    public static void main(String[] args) {
        SpringApplication.run(SpringHost.class, args);
    }

    /** @return the host's clock, injected into plugin beans; it always says {@value #NOW} */
    @Bean
    public Clock clock() {
        return () -> NOW;
    }

    /** @return the journal where plugin beans record their life cycle */
    @Bean
    public Journal journal() {
        return new Journal();
    }
}
