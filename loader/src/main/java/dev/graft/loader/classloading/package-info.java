/**
 * Each plugin's pair of class loaders and the routes between them: every lookup is routed by
 * package through a table ({@link dev.graft.loader.classloading.PluginClassLoader}), built once
 * from the plugin's roots and its dependencies' exports ({@link dev.graft.loader.classloading.Linker}),
 * when a class of the plugin is first asked for ({@link dev.graft.loader.classloading.Linkage}).
 */
package dev.graft.loader.classloading;
