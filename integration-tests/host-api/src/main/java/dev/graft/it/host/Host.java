package dev.graft.it.host;

import java.util.List;

/** What the test host offers plugin code. */
public interface Host {

    /**
     * @param point an extension point
     * @param <T> its type
     * @return the active extensions of the point, in order
     */
    <T> List<T> extensions(Class<T> point);
}
