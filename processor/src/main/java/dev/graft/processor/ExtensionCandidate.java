package dev.graft.processor;

import java.util.List;

/**
 * An {@code @Extension} class whose extension points are resolved, kept by name across rounds; its
 * dependencies are checked when processing is over, against the plugin declaration.
 *
 * @param name the canonical name, to find the class again
 * @param binaryName the binary name, written to the index
 * @param ordinal the {@code ordinal} of its {@code @Extension}
 * @param points its extension points
 */
record ExtensionCandidate(String name, String binaryName, int ordinal, List<PointRef> points) {

    /** Copies the points. */
    ExtensionCandidate {
        points = List.copyOf(points);
    }
}
