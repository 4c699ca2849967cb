/**
 * Graft's implementation: archives, class loaders, dependency resolution. Not API: these types
 * are public only so that the packages of {@code graft-loader} can use each other, and may change
 * in any release. Hosts use {@link dev.graft.loader.PluginRuntime} and
 * {@link dev.graft.loader.ExtensionIndex}.
 */
package dev.graft.loader.internal;
