package dev.graft.it.spring;

/**
 * The same host sources and plugin zip on Spring Boot 4.0 and Spring Framework 7, as the
 * executable jar spring-boot-maven-plugin 4.0 repackaged: graft-spring, compiled against Spring
 * Boot 3.5, runs there unchanged.
 */
class Boot4HostTest extends SpringBootHostContract {

    @Override
    String hostJar() {
        return "graft-it-spring-host-boot4.jar";
    }

    @Override
    String versions() {
        return "spring-boot=" + System.getProperty("spring.it.boot4.version") + " spring=" + System.getProperty("spring.it.boot4.framework");
    }
}
