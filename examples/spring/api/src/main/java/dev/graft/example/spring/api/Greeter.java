package dev.graft.example.spring.api;

/**
 * The Spring example host's extension point: plugins' beans that greet. It carries no Graft
 * annotation: a bean implementing it directly is indexed under it.
 */
public interface Greeter {

    /**
     * @param name who to greet
     * @return the greeting
     */
    String greet(String name);
}
