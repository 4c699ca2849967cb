/**
 * pf4j plugins' lifecycle in a Graft host. {@link dev.graft.pf4j.Pf4jLifecycle}, added to a
 * runtime as a {@link dev.graft.loader.PluginStarter}, creates each pf4j plugin's
 * {@code Plugin-Class} with a constructor pf4j supports and calls its {@code start()} and
 * {@code stop()} in Graft's lifecycle order; {@link dev.graft.pf4j.Pf4jLifecycle#pluginManager()}
 * is the {@code PluginManager} those plugins are given, answered from the Graft runtime.
 */
package dev.graft.pf4j;
