/**
 * What is cleaned when a plugin is unloaded, so that its class loaders can be collected: its JDBC
 * drivers, its ThreadLocal values on other threads, its threads still running (reported, stopped
 * where the host asked). {@code dev.graft.loader.Retention} logs what was found and remembers the
 * loaders weakly, for {@code PluginRuntime.retainedPlugins()}.
 */
package dev.graft.loader.leak;
