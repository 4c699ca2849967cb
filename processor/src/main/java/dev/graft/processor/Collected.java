package dev.graft.processor;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the rounds have found, by name only: elements are looked up again when used, since an
 * element of one round is not valid in the next. Sorted collections keep the output deterministic.
 */
final class Collected {

    private String pluginPackage;
    private final Set<String> extensions = new TreeSet<>();
    private final Set<String> points = new TreeSet<>();
    private final Map<String, ExtensionCandidate> candidates = new TreeMap<>();
    private Set<String> deferred = new TreeSet<>();

    /** @return the package carrying the compilation's {@code @Plugin}, or {@code null} when none was seen */
    String pluginPackage() {
        return pluginPackage;
    }

    /** @param name the package carrying the first {@code @Plugin} seen */
    void pluginPackage(String name) {
        pluginPackage = name;
    }

    /** @param name an {@code @Extension} type that can be looked up by name */
    void addExtension(String name) {
        extensions.add(name);
    }

    /** @return every {@code @Extension} type seen that can be looked up by name, sorted */
    Set<String> extensions() {
        return extensions;
    }

    /** @param name an {@code @ExtensionPoint} type of the compilation */
    void addPoint(String name) {
        points.add(name);
    }

    /** @return every {@code @ExtensionPoint} type of the compilation that has a name, sorted */
    Set<String> points() {
        return points;
    }

    /** @param candidate an extension whose points are resolved */
    void addCandidate(ExtensionCandidate candidate) {
        candidates.put(candidate.name(), candidate);
    }

    /** @return the extensions whose points are resolved, sorted by name */
    Collection<ExtensionCandidate> candidates() {
        return candidates.values();
    }

    /** @param name an {@code @Extension} class that refers to types not resolvable yet */
    void defer(String name) {
        deferred.add(name);
    }

    /** @return the deferred classes, which are no longer deferred afterwards */
    Set<String> takeDeferred() {
        Set<String> taken = deferred;
        deferred = new TreeSet<>();
        return taken;
    }
}
