/**
 * Recognising and opening plugins: a Graft zip, a single jar or an exploded folder, with Graft's or
 * pf4j's metadata, or a legacy Lavalink jar ({@link dev.graft.loader.archive.ArchiveOpener}). Zips
 * are read with the JDK's {@code ZipFile} only, every read is bounded by {@code ArchiveLimits}, and
 * each opened plugin is a {@link dev.graft.loader.archive.PluginArchive} whose
 * {@link dev.graft.loader.archive.ResourceRoot}s its class loaders read.
 */
package dev.graft.loader.archive;
