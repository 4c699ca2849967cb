/**
 * Graft's two metadata formats, the extension index ({@link dev.graft.format.IndexFormat}) and the
 * plugin manifest ({@link dev.graft.format.ManifestFormat}), and the values they hold: versions
 * and ranges ({@link dev.graft.format.Version}, {@link dev.graft.format.VersionRange}),
 * dependencies, plugin ids and package patterns. The processor and the Maven plugin write them, the
 * loader reads them; {@code docs/index-format.md} specifies them.
 */
package dev.graft.format;
