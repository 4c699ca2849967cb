package dev.graft.processor;

/**
 * An extension point, by name, so that it can be kept across rounds.
 *
 * @param name the canonical name, for messages
 * @param binaryName the binary name, written to the index ({@code '$'} before nested classes)
 * @param packageName the package, where the point's owning plugin is looked up
 * @param stereotype whether the point is a Spring stereotype annotation under which a component
 *     without extension point is indexed: no plugin's API, so ownership does not apply
 */
record PointRef(String name, String binaryName, String packageName, boolean stereotype) {
}
