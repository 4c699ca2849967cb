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

    /**
     * @param patterns checked package patterns
     */
    public PackageMatcher(Collection<String> patterns) {
        for (String p : patterns) {
            PackagePattern.check(p);
            if (p.endsWith(".*")) {
                prefixes.add(p.substring(0, p.length() - 2));
            } else {
                exact.add(p);
            }
        }
    }

    /**
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
