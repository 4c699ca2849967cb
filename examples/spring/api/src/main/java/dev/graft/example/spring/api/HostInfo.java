package dev.graft.example.spring.api;

/**
 * A bean of the host that plugin beans receive by constructor injection.
 *
 * @param name the host's name
 */
public record HostInfo(String name) {
}
