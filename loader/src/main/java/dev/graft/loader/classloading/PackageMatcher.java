package dev.graft.loader.classloading;

import dev.graft.format.PackagePattern;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Matches package names against patterns ({@code com.example.api}, {@code com.example.*}) in time
 * proportional to the depth of the package name, whatever the number of patterns.
 */
public final class PackageMatcher {

    /** Matches nothing. */
    public static final PackageMatcher NONE = new PackageMatcher(Set.of());

    private final Set<String> exact = new HashSet<>();
    private final Set<String> prefixes = new HashSet<>();
    private int longestPrefix;

    /**
     * @param patterns checked package patterns
     */
    public PackageMatcher(Collection<String> patterns) {
        for (String p : patterns) {
            PackagePattern.check(p);
            if (p.endsWith(".*")) {
                prefixes.add(p.substring(0, p.length() - 2));
                longestPrefix = Math.max(longestPrefix, p.length() - 2);
            } else {
                exact.add(p);
            }
        }
    }

    /**
     * Looks the name and its parents up among the {@code .*} patterns, starting at the longest
     * parent no longer than the longest pattern: a name of 100,000 characters nested 50,000 deep (a
     * resource name asked of a plugin's loader can be anything) costs one cut, not one per level.
     *
     * @param packageName a package name
     * @return whether some pattern covers it
     */
    public boolean matches(String packageName) {
        if (exact.contains(packageName)) {
            return true;
        }
        if (prefixes.isEmpty()) {
            return false;
        }
        String p = packageName;
        if (p.length() > longestPrefix) {
            int dot = p.lastIndexOf('.', longestPrefix);
            if (dot < 0) {
                return false;
            }
            p = p.substring(0, dot);
        }
        while (true) {
            if (prefixes.contains(p)) {
                return true;
            }
            int dot = p.lastIndexOf('.');
            if (dot < 0) {
                return false;
            }
            p = p.substring(0, dot);
        }
    }
}
