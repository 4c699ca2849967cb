package dev.graft.loader;

import java.net.URL;
import java.util.Objects;
import java.util.Optional;

/**
 * Which loader would serve a class name to a plugin's loader, and by which row of the delegation
 * table of {@code docs/class-loading.md}, found without loading or defining any class
 * ({@link LoadedPlugin#route(String)}). It is computed by the same walk as the loader's own
 * lookup, so it says what {@code loadClass} would do.
 *
 * @param className the binary class name asked for
 * @param requester the loader asked: {@code graft:<id>} or {@code graft:<id>:lib}
 * @param rule the row of the delegation table that decides the name
 * @param servedBy the loader the lookup goes to: {@code graft:<id>}, {@code graft:<id>:lib},
 *     {@code platform} (the JDK) or {@code host}; empty when the lookup fails without asking one
 * @param pluginId the plugin whose loader serves the name; empty for the JDK, the host or none
 * @param libraries whether the serving loader is a plugin's library loader
 * @param classFile the class file the serving loader would define or delegate to; empty when it
 *     has none, so that {@code loadClass} would throw {@link ClassNotFoundException}
 */
public record ClassRoute(String className, String requester, Rule rule, Optional<String> servedBy,
        Optional<String> pluginId, boolean libraries, Optional<URL> classFile) {

    /** The rows of the delegation table, and the ways a lookup fails. */
    public enum Rule {
        /** Row 1: a JDK package, served by the platform loader. */
        JDK("1", "a JDK package: the platform loader"),
        /** Row 2: a package the host shares, served by the host even when the plugin bundles a copy. */
        SHARED("2", "a package the host shares: the host loader"),
        /** Row 3: a package a dependency exports, served by that dependency even over a bundled copy. */
        DEPENDENCY_EXPORT("3", "a package a dependency exports: that dependency"),
        /** Row 4 (4' for a library loader): a package of the plugin's own classes. */
        OWN_CLASSES("4", "a package of the plugin's own classes"),
        /** Row 5 (3' for a library loader): a package of a jar in the plugin's {@code lib/}. */
        LIBRARIES("5", "a package of a jar in the plugin's lib/"),
        /** Row 6: no plugin source holds the package; host fallback is on. */
        HOST_FALLBACK("6", "no plugin source holds the package: the host (host fallback)"),
        /** Row 6 with host fallback off: the lookup fails. */
        NO_SOURCE("6", "no plugin source holds the package and host fallback is off: not found"),
        /**
         * Rows 3 to 5 hold the package but none of their loaders holds the class: the lookup fails,
         * it never continues to the host.
         */
        PACKAGE_WITHOUT_CLASS("3-5", "the package belongs to the plugin's sources, which do not hold the class: not found"),
        /** A class the JVM already defined to this loader outside the plugin's packages (a proxy class). */
        DEFINED_TO_LOADER("-", "a class the JVM defined to this loader (a proxy class)"),
        /** The plugin was unloaded: only the JDK's and the shared packages still answer. */
        UNLOADED("-", "the plugin was unloaded: not found");

        private final String row;
        private final String meaning;

        Rule(String row, String meaning) {
            this.row = row;
            this.meaning = meaning;
        }

        /** @return the row of the delegation table in docs/class-loading.md ({@code 1} to {@code 6}, {@code 3-5}, or {@code -}) */
        public String row() {
            return row;
        }

        /** @return what the row says, in words */
        public String meaning() {
            return meaning;
        }
    }

    /** Checks that no component is null. */
    public ClassRoute {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(servedBy, "servedBy");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(classFile, "classFile");
    }

    /**
     * The row of the delegation table, as the requester's table numbers it: a library loader's own
     * jars are its row 3', the plugin's classes its row 4'.
     *
     * @return {@code 1} to {@code 6}, {@code 3'}, {@code 4'}, {@code 3-5} or {@code -}
     */
    public String row() {
        if (requester.endsWith(":lib")) {
            if (rule == Rule.LIBRARIES) {
                return "3'";
            }
            if (rule == Rule.OWN_CLASSES) {
                return "4'";
            }
        }
        return rule.row();
    }

    /** @return whether {@code loadClass} would find the class: the serving loader holds its class file */
    public boolean found() {
        return classFile.isPresent();
    }

    @Override
    public String toString() {
        return className + " asked of " + requester + ": row " + row() + " (" + rule.meaning() + ")"
                + servedBy.map(s -> ", served by " + s).orElse("") + (found() ? "" : ", class not found");
    }
}
