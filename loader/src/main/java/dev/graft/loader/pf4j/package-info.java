/**
 * pf4j plugins, which keep loading unchanged: their descriptor ({@code plugin.properties} or the
 * {@code Plugin-Id} manifest attributes, {@link dev.graft.loader.pf4j.Pf4jDescriptor}), their flat
 * {@code META-INF/extensions.idx} ({@link dev.graft.loader.pf4j.Pf4jIndex}), and the points of their
 * extensions, found by reading class files without defining them
 * ({@link dev.graft.loader.pf4j.Pf4jExtensions}, {@link dev.graft.loader.pf4j.ClassHeader}).
 */
package dev.graft.loader.pf4j;
