/** Graft's annotations ({@code @Plugin}, {@code @Extension}, {@code @ExtensionPoint}, {@code @PluginApi}) and the plugin-side {@code PluginLifecycle}. */
module dev.graft.annotations {
    exports dev.graft;
}
