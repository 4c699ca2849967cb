package dev.graft.loader.archive;

import dev.graft.format.IndexFormat;
import dev.graft.format.PluginManifest;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An opened plugin: its manifest, its extension index, and the roots its two class loaders read.
 *
 * @param source the file or directory the plugin came from
 * @param layout how it is packaged
 * @param metadata whose metadata it carries
 * @param manifest what the plugin declares
 * @param classes the plugin's own classes
 * @param libraries the jars of its {@code lib/}, in name order
 * @param index the Graft index, checked; {@link IndexFormat.Parsed#EMPTY} for pf4j
 * @param flatExtensions the class names of a pf4j {@code extensions.idx}; empty for Graft
 * @param scanPackages the packages a Spring host component-scans: a Lavalink descriptor's
 *     {@code path}; empty for Graft and pf4j
 * @param descriptor a pf4j descriptor's entries that the manifest does not carry ({@code plugin.class},
 *     ...: {@link dev.graft.loader.pf4j.Pf4jDescriptor.Descriptor#entries()}); empty for the other formats
 * @param owned what closing the archive closes (the open zip, the library jars)
 */
public record PluginArchive(Path source, Layout layout, Metadata metadata, PluginManifest manifest,
        ResourceRoot classes, List<ResourceRoot> libraries, IndexFormat.Parsed index,
        List<String> flatExtensions, List<String> scanPackages, java.util.Map<String, String> descriptor,
        List<Closeable> owned) implements Closeable {

    /** How a plugin is packaged. */
    public enum Layout {
        /** A zip holding {@code classes/}, {@code lib/*.jar} and the manifest. */
        ZIP,
        /** A single jar: classes and whatever they bundle, in one loader. */
        JAR,
        /** An exploded zip, for development. */
        DIRECTORY
    }

    /** Whose metadata the plugin carries. */
    public enum Metadata {
        /** Graft's manifest and extension index, written by the Graft processor. */
        GRAFT,
        /** pf4j's descriptor and flat {@code META-INF/extensions.idx}. */
        PF4J,
        /** A legacy Lavalink descriptor, {@code lavalink-plugins/<name>.properties}: no index at all. */
        LAVALINK
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        List<Closeable> reverse = new ArrayList<>(owned);
        java.util.Collections.reverse(reverse);
        for (Closeable c : reverse) {
            try {
                c.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
