package dev.graft.format;

import java.util.List;
import java.util.Objects;

/**
 * One entry of an extension index: an extension class under one of its extension points, read
 * without loading the class.
 *
 * @param point the binary name of the extension point
 * @param className the binary name of the extension class
 * @param ordinal the position among the extensions of the point; lower first
 * @param dependencies the plugins that must be installed, in range, for the extension to be active
 */
public record ExtensionDescriptor(String point, String className, int ordinal, List<Dependency> dependencies) {

    /** Creates a descriptor; dependencies must be required ones, each plugin at most once. */
    public ExtensionDescriptor {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(className, "className");
        dependencies = List.copyOf(dependencies);
        for (int i = 0; i < dependencies.size(); i++) { // no iterator: most extensions have no dependency
            Dependency d = dependencies.get(i);
            if (d.optional()) {
                throw new IllegalArgumentException("extension dependency '" + d + "' of " + className
                        + " is marked optional; an extension dependency is already a condition");
            }
        }
    }
}
