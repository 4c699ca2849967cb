package dev.graft.format;

import java.util.HashSet;
import java.util.Set;

/**
 * The packages of the JDK: every package of a boot-layer module defined to the boot or platform
 * class loader ({@code java.*}, {@code javax.net}, {@code jdk.*}, {@code org.w3c.dom}, ...), of the
 * JDK running this code. The loader always takes these from the JDK, whatever a plugin bundles, so
 * a plugin can never export one (the processor refuses such an {@code export} line).
 */
public final class JdkPackages {

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
     * @param packageName a package name, dotted
     * @return whether it is a package of the JDK ({@code java.*} always)
     */
    public static boolean contains(String packageName) {
        return packageName.startsWith("java.") || PACKAGES.contains(packageName);
    }
}
