package dev.graft.cli.verify;

import java.util.Optional;

/**
 * Where a loader would find a class: a plugin's loader (by its routes), the host's or the JDK's.
 * Each found class comes with the source of its own defining loader, through which its supertypes
 * are resolved, as the JVM resolves them.
 */
interface ClassSource {

    /**
     * @param internalName the class ({@code com/example/Foo})
     * @return the class file, or empty if this loader would not find it
     */
    Optional<Found> find(String internalName);

    /** @return how the report names this source: {@code graft:p}, {@code host}, {@code platform} */
    String label();

    /**
     * A class file a source found.
     *
     * @param model the class
     * @param definedBy the source of the loader that would define it
     * @param how how the asking loader reaches it, for the report ({@code host (row 6)})
     */
    record Found(ClassModel model, ClassSource definedBy, String how) {
    }
}
