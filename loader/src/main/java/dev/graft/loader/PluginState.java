package dev.graft.loader;

/** What became of a plugin the runtime found. */
public enum PluginState {
    /** Loaded: its class loaders are built and its extensions can be requested. */
    LOADED,
    /** Not loaded because a plugin it requires does not load, or the host disabled it. */
    DISABLED,
    /** Not loaded because of its own fault: a bad archive or manifest, a missing or out-of-range dependency, a cycle. */
    FAILED,
    /** Was loaded, and has been unloaded. */
    UNLOADED
}
