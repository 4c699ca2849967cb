/**
 * Graft's metadata formats and the values they hold ({@link dev.graft.format}), shared by the
 * processor, the Maven plugin and the loader.
 */
module dev.graft.format {
    exports dev.graft.format;
}
