package dev.graft.loader.lavalink;

import dev.graft.format.FormatException;
import dev.graft.format.JavaNames;
import dev.graft.format.PluginId;
import dev.graft.format.PluginManifest;
import dev.graft.format.SyntaxException;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * Reads the descriptor of a legacy Lavalink plugin, {@code lavalink-plugins/<name>.properties}, as
 * Lavalink's {@code PluginManager} reads it ({@link Properties#load(java.io.InputStream)}, so
 * ISO-8859-1 with escapes): {@code name} becomes the plugin id, {@code version} its version,
 * {@code path} the package a Spring host scans. The plugin requires no host version, depends on no
 * plugin and exports every package of its jar.
 *
 * <p>Lavalink checked none of the three values; Graft does, and each mistake names the file, the
 * line of the key when it is written plainly (a key spelled with escapes is found by
 * {@code Properties} but not by the line search, and then no line is given), what was expected and
 * what was found. {@code version} is read leniently, since Lavalink only printed it: a SemVer as is,
 * {@code 1} and {@code 1.2} padded to {@code 1.0.0} and {@code 1.2.0}, a leading {@code v} dropped.
 */
public final class LavalinkDescriptor {

    /** The folder of a jar whose {@code .properties} files, at any depth, Lavalink reads as descriptors. */
    public static final String FOLDER = "lavalink-plugins/";

    private static final String PATH_EXPECTED = "expected a Java package name (dot-separated Java identifiers)"
            + " such as com.example.plugin";
    private static final String VERSION_EXPECTED = "expected a version such as 1.4.0 or 2.0.0-rc.1 (SemVer), or 1 or"
            + " 1.4 (read as 1.0.0 and 1.4.0), with or without a leading 'v'";

    /**
     * A read descriptor.
     *
     * @param manifest the plugin's manifest: id, version, no requirement, dependency or export
     * @param scanPackage the package a Spring host component-scans in the plugin's loader
     */
    public record Descriptor(PluginManifest manifest, String scanPackage) {
    }

    private LavalinkDescriptor() {
    }

    /**
     * Whether a jar entry is a descriptor, as Lavalink's {@code PluginManager} decides for the jars of
     * its plugin folder: a file below {@link #FOLDER} whose name ends in {@code .properties}.
     *
     * @param entryName the entry's name in the jar
     * @return whether Lavalink would read it as a plugin descriptor
     */
    public static boolean isDescriptor(String entryName) {
        return entryName.startsWith(FOLDER) && entryName.endsWith(".properties");
    }

    /**
     * Reads a descriptor.
     *
     * @param bytes the file's content, read under the archive limits
     * @param source the file, named in errors ({@code lavasrc.jar!/lavalink-plugins/lavasrc.properties})
     * @return the descriptor
     * @throws FormatException if the file cannot be read as properties, or a key is missing, empty
     *     or malformed
     */
    public static Descriptor read(byte[] bytes, String source) {
        Properties p = new Properties();
        try {
            p.load(new ByteArrayInputStream(bytes));
        } catch (IOException | IllegalArgumentException e) {
            throw new FormatException(source, 0, "expected a properties file, found: " + e.getMessage());
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // as Properties.load(InputStream) decodes it
        String name = required(p, "name", "the plugin's name, its id in Graft", text, source);
        String path = required(p, "path", "the package scanned for the plugin's Spring components", text, source);
        String version = required(p, "version", "the plugin's version", text, source);
        String key = "name";
        try {
            PluginId.check(name);
            key = "path";
            if (!JavaNames.isPackageName(path)) {
                throw new SyntaxException(path, PATH_EXPECTED);
            }
            key = "version";
            Version v = version(version);
            return new Descriptor(new PluginManifest(name, v, VersionRange.ANY, List.of(), List.of()), path);
        } catch (SyntaxException e) {
            throw new FormatException(source, PropertyLines.lineOf(text, key), "bad '" + key + "': " + e.getMessage());
        }
    }

    /**
     * Reads a Lavalink plugin's version: a SemVer as is; one or two numbers padded with {@code .0};
     * either after a leading {@code v}, which is dropped.
     *
     * @param text the value, trimmed
     * @return the version
     * @throws SyntaxException quoting the value, for anything else
     */
    static Version version(String text) {
        String v = text.startsWith("v") ? text.substring(1) : text;
        int dots = numbersAndDots(v);
        if (dots == 0) {
            v += ".0.0";
        } else if (dots == 1) {
            v += ".0";
        }
        try {
            return Version.parse(v);
        } catch (SyntaxException e) {
            throw new SyntaxException(text, VERSION_EXPECTED);
        }
    }

    /**
     * The dots of a value made of digits and dots, each dot between digits; -1 for anything else.
     * Only {@code 1} and {@code 1.2} are padded, so a longer value needs no scan beyond its end.
     */
    private static int numbersAndDots(String v) {
        int dots = 0;
        boolean digit = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && digit) {
                dots++;
                digit = false;
            } else {
                return -1;
            }
        }
        return digit ? dots : -1;
    }

    private static String required(Properties p, String key, String meaning, String text, String source) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new FormatException(source, 0, "expected a '" + key + "' key (" + meaning + "), found none");
        }
        String trimmed = value.trim(); // Properties keeps trailing blanks, which Lavalink never minded
        if (trimmed.isEmpty()) {
            throw new FormatException(source, PropertyLines.lineOf(text, key),
                    "expected a value for '" + key + "' (" + meaning + "), found an empty one");
        }
        return trimmed;
    }
}
