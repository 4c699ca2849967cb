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

    /**
     * Not yet on Spring 7: its {@code AbstractAutoProxyCreator} (the
     * {@code InfrastructureAdvisorAutoProxyCreator} of every Boot context) keys its
     * {@code advisedBeans} cache by {@code AbstractAutoProxyCreator.ComposedCacheKey(Class<?>
     * beanClass, String beanName)}, a record Spring 6 did not have (it keyed by bean name), and
     * graft-spring's {@code ClassKeyedCaches} evicts keys that are a class, a member, a method
     * parameter or a configuration class, not that record; so the entry for
     * each plugin bean keeps its plugin's loader. When graft-spring evicts it, this becomes the
     * contract's {@code 1 of 1} and this override goes.
     */
    @Override
    String collectedLoaders() {
        return "0 of 2 unloaded plugin loaders collected";
    }

    @Override
    String versions() {
        return "spring-boot=" + System.getProperty("spring.it.boot4.version") + " spring=" + System.getProperty("spring.it.boot4.framework");
    }
}
