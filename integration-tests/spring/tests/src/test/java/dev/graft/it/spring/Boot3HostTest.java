package dev.graft.it.spring;

/**
 * The host on Spring Boot 3.5 (the line graft-spring is built against, Lavalink's), as the
 * executable jar spring-boot-maven-plugin 3.5 repackaged.
 */
class Boot3HostTest extends SpringBootHostContract {

    @Override
    String hostJar() {
        return "graft-it-spring-host-boot3.jar";
    }

    @Override
    String versions() {
        return "spring-boot=" + System.getProperty("spring.it.boot3.version") + " spring=" + System.getProperty("spring.it.boot3.framework");
    }
}
