/** Graft's annotations: {@code @Plugin}, {@code @Extension}, {@code @ExtensionPoint}, {@code @PluginApi}. */
module dev.graft.annotations {
    exports dev.graft;
}
