package dev.graft.it.spring.api;

/**
 * A bean of the host that plugin beans receive by constructor injection. The host's bean always
 * says the same time, so what a plugin builds from it is exact.
 */
public interface Clock {

    /** @return what the host says the time is */
    String now();
}
