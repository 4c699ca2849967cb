package dev.graft.processor;

import dev.graft.format.Dependency;
import dev.graft.format.ManifestFormat;
import dev.graft.format.PluginManifest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * Finds the version of another plugin on the compile class path: the {@code package-info.class} of
 * the package that names it as owner is looked up through the filer, and the manifest is read from
 * the root of the same jar or directory. Only plugins owning a point an extension implements can be
 * found so; a manifest that cannot be read is no version.
 */
final class ClassPathVersions {

    private final Filer filer;
    private final Map<String, PluginManifest> byPackage = new HashMap<>();

    /** @param filer reads the class path */
    ClassPathVersions(Filer filer) {
        this.filer = filer;
    }

    /**
     * @param ownerPackage the package carrying the {@code @Plugin} or {@code @PluginApi} of the plugin
     * @param pluginId that plugin
     * @return the manifest of that plugin found beside the package on the class path, or {@code null}
     */
    PluginManifest find(String ownerPackage, String pluginId) {
        PluginManifest manifest = byPackage.computeIfAbsent(ownerPackage, this::read);
        return manifest != null && manifest.id().equals(pluginId) ? manifest : null;
    }

    /**
     * @param dependency a dependency of the compilation
     * @param manifest the manifest of that plugin on the class path
     * @return the warning when the range excludes the version found, or {@code null}
     */
    static String excluded(Dependency dependency, PluginManifest manifest) {
        if (dependency.range().contains(manifest.version())) {
            return null;
        }
        return "dependency '" + dependency + "' excludes version " + manifest.version() + " of '" + manifest.id()
                + "', which is on the compile class path: the plugin is compiled against a version it will not load"
                + " with; widen the range to take in " + manifest.version() + ", or compile against a version in "
                + dependency.range();
    }

    private PluginManifest read(String ownerPackage) {
        try {
            String path = ownerPackage.replace('.', '/') + "/package-info.class";
            String uri = filer.getResource(StandardLocation.CLASS_PATH, ownerPackage, "package-info.class").toUri()
                    .toString();
            if (!uri.endsWith(path)) {
                return null;
            }
            URI manifest = URI.create(uri.substring(0, uri.length() - path.length()) + ManifestFormat.PATH);
            try (InputStream in = manifest.toURL().openStream()) {
                return ManifestFormat.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), manifest.toString());
            }
        } catch (IOException | IllegalArgumentException e) { // SyntaxException is one too
            return null;
        }
    }
}
