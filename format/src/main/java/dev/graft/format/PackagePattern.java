package dev.graft.format;

import dev.graft.format.JavaNames;

/**
 * A package name, or a name ending in {@code .*} that also covers every subpackage. Used for a
 * plugin's exports and for the packages a host shares with its plugins.
 */
public final class PackagePattern {

    /** The accepted syntax, quoted in error messages. */
    public static final String SYNTAX = "a package name such as com.example.api, or com.example.api.* for the"
            + " package and its subpackages";

    private PackagePattern() {
    }

    /**
     * Checks a pattern.
     *
     * @param pattern the pattern
     * @return the pattern
     * @throws SyntaxException if it is neither a package name nor a name followed by {@code .*}
     */
    public static String check(String pattern) {
        String name = pattern != null && pattern.endsWith(".*") ? pattern.substring(0, pattern.length() - 2) : pattern;
        if (!JavaNames.isPackageName(name)) {
            throw new SyntaxException(String.valueOf(pattern), "not a package pattern; expected " + SYNTAX);
        }
        return pattern;
    }

    /**
     * Whether a pattern covers a package.
     *
     * @param pattern a checked pattern
     * @param packageName a package name ({@code ""} for the unnamed package)
     * @return {@code true} if the package is the named one, or a subpackage of a {@code .*} pattern
     */
    public static boolean matches(String pattern, String packageName) {
        if (pattern.endsWith(".*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return packageName.equals(prefix) || packageName.startsWith(prefix + ".");
        }
        return pattern.equals(packageName);
    }
}
