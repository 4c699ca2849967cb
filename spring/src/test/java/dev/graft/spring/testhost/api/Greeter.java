package dev.graft.spring.testhost.api;

/** The test host's extension point. */
public interface Greeter {

    /** @return a greeting */
    String greet();
}
