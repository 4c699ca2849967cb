package dev.graft.maven;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which dependencies go into a plugin zip's {@code lib/}: the jars of scope
 * {@code compile} and {@code runtime}, except those the host provides (listed by the author as
 * {@code groupId:artifactId} patterns, or managed by the host's BOM). Each is named
 * {@code artifactId-version[-classifier].jar}, prefixed with its group id when two would share a
 * name.
 */
public final class BundledDependencies {

    /**
     * The outcome.
     *
     * @param bundled lib/ entry name to the dependency, sorted by name
     * @param leftOut each dependency not bundled, with the reason
     */
    public record Selection(Map<String, DependencyArtifact> bundled, List<String> leftOut) {
    }

    private BundledDependencies() {
    }

    /**
     * @param artifacts the project's resolved dependencies
     * @param hostProvided {@code groupId:artifactId} patterns the host provides; {@code *} matches any run of characters
     * @param bomManaged {@code groupId:artifactId} of every artifact the host's BOM manages
     * @return what is bundled, and what is left out and why
     */
    public static Selection select(List<DependencyArtifact> artifacts, List<String> hostProvided, Set<String> bomManaged) {
        List<DependencyArtifact> kept = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (DependencyArtifact a : artifacts) {
            String key = a.groupId() + ":" + a.artifactId();
            if (!a.scope().equals("compile") && !a.scope().equals("runtime")) {
                leftOut.add(a.coordinates() + ": scope " + a.scope());
            } else if (!a.type().equals("jar")) {
                leftOut.add(a.coordinates() + ": type " + a.type() + ", not a jar");
            } else if (matchesAny(key, hostProvided)) {
                leftOut.add(a.coordinates() + ": the host provides it (hostProvided)");
            } else if (bomManaged.contains(key)) {
                leftOut.add(a.coordinates() + ": the host provides it (hostBom)");
            } else {
                kept.add(a);
            }
        }
        Map<String, Integer> names = new HashMap<>();
        kept.forEach(a -> names.merge(a.jarName(), 1, Integer::sum));
        Map<String, DependencyArtifact> bundled = new TreeMap<>();
        for (DependencyArtifact a : kept) {
            String name = names.get(a.jarName()) > 1 ? a.groupId() + "." + a.jarName() : a.jarName();
            bundled.put(name, a);
        }
        leftOut.sort(null);
        return new Selection(bundled, leftOut);
    }

    static boolean matchesAny(String key, List<String> patterns) {
        for (String p : patterns) {
            String regex = java.util.regex.Pattern.quote(p.trim()).replace("*", "\\E.*\\Q");
            if (key.matches(regex)) {
                return true;
            }
        }
        return false;
    }
}
