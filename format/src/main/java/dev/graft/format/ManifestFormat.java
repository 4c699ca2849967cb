package dev.graft.format;

import dev.graft.format.Dependency;
import dev.graft.format.PackagePattern;
import dev.graft.format.PluginManifest;
import dev.graft.format.SyntaxException;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes the plugin manifest, {@code META-INF/graft/plugin.manifest}, specified in
 * {@code docs/index-format.md}.
 *
 * <pre>
 * graft-plugin 1
 * id lavasrc
 * version 4.2.0
 * requires &gt;=4.0.0 &lt;5.0.0
 * java 17
 * dependency lavasearch?@^1.0.0
 * dependency lyrics?
 * export com.github.topi314.lavasrc.api
 * </pre>
 */
public final class ManifestFormat {

    /** Where the manifest lies in a plugin's classes. */
    public static final String PATH = "META-INF/graft/plugin.manifest";
    /** The header keyword. */
    public static final String HEADER = "graft-plugin";
    /** The format version this class reads and writes. */
    public static final int VERSION = 1;

    private ManifestFormat() {
    }

    /**
     * Writes a manifest. The output depends only on the manifest's content: dependencies are
     * sorted by plugin id and exports by name.
     *
     * @param manifest the manifest
     * @return the manifest text, lines ending in {@code \n}
     */
    public static String write(PluginManifest manifest) {
        StringBuilder out = new StringBuilder()
                .append("# Graft plugin manifest. Format: docs/index-format.md\n")
                .append(HEADER).append(' ').append(VERSION).append('\n')
                .append("id ").append(manifest.id()).append('\n')
                .append("version ").append(manifest.version()).append('\n');
        if (!manifest.requires().equals(VersionRange.ANY)) {
            out.append("requires ").append(manifest.requires()).append('\n');
        }
        if (manifest.javaRelease() > 0) {
            out.append("java ").append(manifest.javaRelease()).append('\n');
        }
        manifest.dependencies().stream()
                .sorted(Comparator.comparing(Dependency::pluginId))
                .forEach(d -> out.append("dependency ").append(d).append('\n'));
        manifest.exports().stream().sorted().forEach(e -> out.append("export ").append(e).append('\n'));
        return out.toString();
    }

    /**
     * Reads a manifest.
     *
     * @param text the manifest text
     * @param source the file it came from, named in errors
     * @return the manifest
     * @throws FormatException naming the file and line of the first problem
     */
    public static PluginManifest read(String text, String source) {
        String id = null;
        Version version = null;
        VersionRange requires = null;
        Integer java = null;
        List<Dependency> dependencies = List.of(); // most manifests list neither: created on the first
        Set<String> dependencyIds = Set.of();
        List<String> exports = List.of();
        Lines line = Lines.afterHeader(text, source, HEADER, VERSION);
        while (line.advance()) {
            try {
                // keywords compared in place: a switch would cut each one out as a string first
                if (line.is("id")) {
                    once(id, line, source);
                    id = dev.graft.format.PluginId.check(line.value());
                } else if (line.is("version")) {
                    once(version, line, source);
                    version = Version.parse(line.value());
                } else if (line.is("java")) {
                    once(java, line, source);
                    java = javaRelease(line, source);
                } else if (line.is("requires")) {
                    once(requires, line, source);
                    requires = VersionRange.parse(line.value());
                } else if (line.is("dependency")) {
                    Dependency d = Dependency.parse(line.value());
                    if (dependencies.isEmpty()) {
                        dependencies = new ArrayList<>();
                        dependencyIds = new HashSet<>();
                    }
                    if (!dependencyIds.add(d.pluginId())) {
                        throw new FormatException(source, line.number(),
                                "dependency '" + d.pluginId() + "' is named twice");
                    }
                    dependencies.add(d);
                } else if (line.is("export")) {
                    if (exports.isEmpty()) {
                        exports = new ArrayList<>();
                    }
                    exports.add(PackagePattern.check(line.value()));
                } else {
                    throw new FormatException(source, line.number(),
                            "expected 'id', 'version', 'requires', 'java', 'dependency' or 'export', found '"
                                    + Lines.shorten(line.text()) + "'");
                }
            } catch (SyntaxException e) {
                throw new FormatException(source, line.number(), "bad '" + line.keyword() + "' line: " + e.getMessage());
            }
        }
        if (id == null) {
            throw new FormatException(source, 0, "expected an 'id <plugin id>' line, found none");
        }
        if (version == null) {
            throw new FormatException(source, 0, "expected a 'version <semantic version>' line, found none");
        }
        if (dependencyIds.contains(id)) {
            throw new FormatException(source, 0, "plugin '" + id + "' lists itself as a dependency");
        }
        return new PluginManifest(id, version, requires == null ? VersionRange.ANY : requires, dependencies, exports,
                java == null ? 0 : java);
    }

    private static int javaRelease(Lines line, String source) {
        String v = line.value();
        int release = v.length() <= 3 && !v.startsWith("0") ? Lines.digits(v, 0, v.length()) : -1;
        if (release >= 0) {
            return release;
        }
        throw new FormatException(source, line.number(), "expected 'java <feature release>', such as 'java 17',"
                + " found '" + Lines.shorten(line.text()) + "'");
    }

    private static void once(Object previous, Lines line, String source) {
        if (previous != null) {
            throw new FormatException(source, line.number(), "'" + line.keyword() + "' is given twice");
        }
    }
}
