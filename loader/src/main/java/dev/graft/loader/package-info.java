/**
 * Graft's run time, as a host uses it: {@link dev.graft.loader.PluginRuntime} loads the plugins of
 * a folder and finds their extensions, {@link dev.graft.loader.ExtensionIndex} reads one plugin's
 * index from its class loader. The subpackages hold the subsystems, each with its own rules
 * ({@code docs/class-loading.md}): {@code archive} opens plugins, {@code cache} extracts their jars,
 * {@code resolve} decides which load and in what order, {@code classloading} builds their class
 * loaders, {@code pf4j} reads pf4j plugins, {@code lavalink} legacy Lavalink jars.
 */
package dev.graft.loader;
