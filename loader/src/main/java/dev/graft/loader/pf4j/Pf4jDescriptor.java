package dev.graft.loader.pf4j;

import dev.graft.format.Dependency;
import dev.graft.format.FormatException;
import dev.graft.format.PluginId;
import dev.graft.format.PluginManifest;
import dev.graft.format.SyntaxException;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Reads a pf4j plugin descriptor, from a jar manifest ({@code Plugin-Id}, {@code Plugin-Version},
 * {@code Plugin-Requires}, {@code Plugin-Dependencies}) or from {@code plugin.properties}
 * ({@code plugin.id}, ...), into a {@link PluginManifest}. Both spellings go through one reader.
 *
 * <p>pf4j writes version expressions in jsemver's syntax, where {@code &} means AND; it is read as
 * the npm-style space. Dependencies are {@code id}, {@code id@range}, and with {@code ?} optional,
 * separated by commas. pf4j plugins export every package of their classes.
 */
public final class Pf4jDescriptor {

    /** The entries, by their {@code plugin.properties} names, kept beside the manifest for a host that starts pf4j plugins. */
    private static final List<String> KEPT = List.of("class", "description", "provider", "license");

    /**
     * A descriptor as read.
     *
     * @param manifest what Graft needs to load the plugin
     * @param entries the other entries a pf4j host reads ({@code plugin.class}, {@code plugin.description},
     *     {@code plugin.provider}, {@code plugin.license}) that are present and not blank, by their
     *     {@code plugin.properties} names, in that order
     */
    public record Descriptor(PluginManifest manifest, Map<String, String> entries) {
    }

    /** The main attribute that marks a pf4j jar. */
    public static final String MANIFEST_ID = "Plugin-Id";
    /** The pf4j descriptor file name. */
    public static final String PROPERTIES = "plugin.properties";

    private Pf4jDescriptor() {
    }

    /**
     * Reads the descriptor from a jar manifest's main attributes.
     *
     * @param manifest the jar manifest
     * @param source the file, named in errors
     * @return the descriptor
     * @throws FormatException if a value cannot be read
     */
    public static Descriptor fromManifest(Manifest manifest, String source) {
        Attributes main = manifest.getMainAttributes();
        return read(key -> main.getValue("Plugin-" + key), "Plugin-", source);
    }

    /**
     * Reads the descriptor from {@code plugin.properties}.
     *
     * @param text the file's content
     * @param source the file, named in errors
     * @return the descriptor
     * @throws FormatException if the file or a value cannot be read
     */
    public static Descriptor fromProperties(String text, String source) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new FormatException(source, 0, "expected a properties file, found: " + e.getMessage());
        }
        return read(key -> p.getProperty("plugin." + key.toLowerCase(java.util.Locale.ROOT)), "plugin.", source);
    }

    private static Descriptor read(Function<String, String> get, String keyPrefix, String source) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String key : KEPT) {
            String value = get.apply(key.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + key.substring(1));
            if (value != null && !value.isBlank()) {
                entries.put("plugin." + key, value.trim());
            }
        }
        return new Descriptor(manifest(get, keyPrefix, source), Collections.unmodifiableMap(entries));
    }

    private static PluginManifest manifest(Function<String, String> get, String keyPrefix, String source) {
        String id = required(get, "Id", keyPrefix, source);
        String key = "Id";
        try {
            PluginId.check(id);
            key = "Version";
            Version version = Version.normalize(required(get, key, keyPrefix, source));
            key = "Requires";
            VersionRange requires = range(get.apply(key));
            key = "Dependencies";
            return new PluginManifest(id, version, requires, dependencies(get.apply(key)), List.of());
        } catch (SyntaxException e) {
            throw new FormatException(source, 0, "bad " + name(key, keyPrefix) + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, 0, e.getMessage());
        }
    }

    private static String name(String key, String keyPrefix) {
        return keyPrefix.equals("Plugin-") ? "Plugin-" + key : "plugin." + key.toLowerCase(java.util.Locale.ROOT);
    }

    private static String required(Function<String, String> get, String key, String keyPrefix, String source) {
        String value = get.apply(key);
        if (value == null || value.isBlank()) {
            throw new FormatException(source, 0, "expected a pf4j '" + name(key, keyPrefix) + "' entry, found none");
        }
        return value.trim();
    }

    private static VersionRange range(String text) {
        if (text == null || text.isBlank() || text.trim().equals("*")) {
            return VersionRange.ANY;
        }
        return VersionRange.parse(text.replace('&', ' '));
    }

    private static List<Dependency> dependencies(String text) {
        List<Dependency> result = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        for (String part : text.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                int at = p.indexOf('@');
                result.add(at < 0 ? Dependency.parse(p)
                        : Dependency.parse(p.substring(0, at + 1) + rangeText(p.substring(at + 1))));
            }
        }
        return result;
    }

    private static String rangeText(String pf4jRange) {
        String r = pf4jRange.replace('&', ' ').trim();
        return r.isEmpty() ? "*" : r;
    }
}
