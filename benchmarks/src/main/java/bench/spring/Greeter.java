package bench.spring;

/**
 * The host's extension point in the Spring start-up benchmark: every generated plugin has one
 * {@code @Service} implementing it. Shared with the plugins ({@code graft.shared-packages}).
 */
public interface Greeter {

    /**
     * @param name who to greet
     * @return the greeting, which names the plugin
     */
    String greet(String name);
}
