package dev.graft.example.host.api;

import java.util.List;

/** What the host offers to the extensions it runs. */
public interface Host {

    /**
     * The active extensions of an extension point, across all loaded plugins, in index order:
     * lower ordinals first.
     *
     * @param point the extension point
     * @param <T> its type
     * @return the extensions, instantiated; empty when none is active
     */
    <T> List<T> extensions(Class<T> point);
}
