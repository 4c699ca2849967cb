/**
 * Plugins' extensions as beans of a Spring context: {@link dev.graft.spring.GraftBeans} registers
 * every active extension of a {@link dev.graft.loader.PluginRuntime} as one bean, created by the
 * bean factory through the plugin's class loader and shared with
 * {@link dev.graft.loader.PluginRuntime#extensions(Class)}. Spring Boot hosts use the
 * auto-configuration of {@code dev.graft.spring.boot} instead of calling it themselves.
 */
package dev.graft.spring;
