package dev.graft.it.spring.api;

/**
 * The hosts' extension point. A plugin's {@code @Service} implements it; the host collects every
 * Greeter bean at each request, so a plugin's greeting appears while it is loaded and vanishes
 * when it is unloaded.
 */
public interface Greeter {

    /** @return this greeter's greeting */
    String greet();
}
