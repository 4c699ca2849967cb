package dev.graft.processor;

import java.util.HashSet;
import java.util.Set;

/**
 * The packages the loader always takes from the JDK, as it computes them: {@code java.*} and every
 * package of a boot-layer module defined to the boot or platform class loader (of the JDK running
 * the compiler).
 */
final class JdkPackages {

    private static final Set<String> PACKAGES = load();

    private JdkPackages() {
    }

    private static Set<String> load() {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        Set<String> packages = new HashSet<>();
        for (Module module : ModuleLayer.boot().modules()) {
            ClassLoader loader = module.getClassLoader();
            if (loader == null || loader == platform) {
                packages.addAll(module.getPackages());
            }
        }
        return Set.copyOf(packages);
    }

    /**
     * @param pattern a checked package pattern
     * @return whether the pattern names a JDK package, or a {@code .*} pattern is rooted at one (or at
     *     {@code java})
     */
    static boolean covers(String pattern) {
        String name = pattern.endsWith(".*") ? pattern.substring(0, pattern.length() - 2) : pattern;
        return Names.isIn(name, "java") || PACKAGES.contains(name);
    }
}
