package dev.graft.loader;

import dev.graft.loader.archive.PluginArchive;

/**
 * How a loaded plugin is packaged and whose metadata it carries: Graft's manifest and index, pf4j's
 * descriptor and flat index, or a legacy Lavalink descriptor. One value per combination that loads;
 * its {@link #toString()} is the short form hosts print, such as {@code zip} or {@code jar (pf4j)}.
 */
public enum PluginFormat {
    /** A Graft zip: {@code classes/}, {@code lib/*.jar} and Graft's manifest and index. */
    GRAFT_ZIP("zip"),
    /** A single jar with Graft's manifest and index. */
    GRAFT_JAR("jar"),
    /** An exploded Graft zip, for development. */
    GRAFT_DIRECTORY("directory"),
    /** A pf4j zip: {@code classes/} and {@code lib/*.jar} with pf4j's descriptor. */
    PF4J_ZIP("zip (pf4j)"),
    /** A pf4j jar: a {@code Plugin-Id} manifest attribute or {@code plugin.properties}. */
    PF4J_JAR("jar (pf4j)"),
    /** An exploded pf4j plugin. */
    PF4J_DIRECTORY("directory (pf4j)"),
    /**
     * A legacy Lavalink plugin: one jar with its classes and its dependencies flattened in, and
     * {@code lavalink-plugins/<name>.properties} ({@code name}, {@code path}, {@code version}). It
     * has no extension index: a Spring host scans {@link LoadedPlugin#scanPackages()} instead.
     */
    LAVALINK_JAR("jar (lavalink)");

    private final String label;

    PluginFormat(String label) {
        this.label = label;
    }

    /** @return whether the plugin carries pf4j's metadata rather than Graft's */
    public boolean isPf4j() {
        return this == PF4J_ZIP || this == PF4J_JAR || this == PF4J_DIRECTORY;
    }

    /** The format of an opened archive. */
    static PluginFormat of(PluginArchive.Layout layout, PluginArchive.Metadata metadata) {
        if (metadata == PluginArchive.Metadata.LAVALINK) {
            return LAVALINK_JAR; // only a single jar carries it
        }
        boolean pf4j = metadata == PluginArchive.Metadata.PF4J;
        return switch (layout) {
            case ZIP -> pf4j ? PF4J_ZIP : GRAFT_ZIP;
            case JAR -> pf4j ? PF4J_JAR : GRAFT_JAR;
            case DIRECTORY -> pf4j ? PF4J_DIRECTORY : GRAFT_DIRECTORY;
        };
    }

    /**
     * @return {@code zip}, {@code jar} or {@code directory}, followed by {@code (pf4j)} for pf4j
     *     metadata; {@code jar (lavalink)} for a legacy Lavalink jar
     */
    @Override
    public String toString() {
        return label;
    }
}
