/**
 * Legacy Lavalink plugins, which keep loading unchanged: one jar holding the plugin's classes, its
 * dependencies flattened in, and {@code lavalink-plugins/<name>.properties}, read by
 * {@link dev.graft.loader.lavalink.LavalinkDescriptor}. They have no extension index: a Spring host
 * component-scans the package the descriptor names.
 */
package dev.graft.loader.lavalink;
