package dev.graft.loader.pf4j;

import dev.graft.format.ExtensionDescriptor;
import dev.graft.loader.archive.BoundedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The extensions of a pf4j plugin, by point. pf4j's {@code META-INF/extensions.idx} lists classes
 * without their points, so the points of each class are found by reading the class files of the
 * class and of its supertypes through the plugin's loader, never defining them: every supertype
 * is a point, as pf4j's {@code getExtensions(Type)} matches any of them, but for the two every
 * extension has, which say nothing of what it extends: {@code java.lang.Object} and pf4j's marker
 * {@code org.pf4j.ExtensionPoint}.
 */
public final class Pf4jExtensions {

    private static final String PF4J_EXTENSION = "Lorg/pf4j/Extension;";
    private static final Set<String> MARKERS = Set.of("java/lang/Object", "org/pf4j/ExtensionPoint");

    /**
     * A listed class whose class file could not be read.
     *
     * @param className the class
     * @param reason why, naming the class file
     */
    public record Skipped(String className, String reason) {
    }

    /**
     * What a scan found.
     *
     * @param byPoint each point's extensions, in the order the index lists their classes
     * @param skipped the classes left out
     */
    public record Scan(Map<String, List<ExtensionDescriptor>> byPoint, List<Skipped> skipped) {
    }

    private final ClassLoader loader;
    private final long maxClassBytes;
    private final Map<String, ClassHeader> headers = new HashMap<>();

    private Pf4jExtensions(ClassLoader loader, long maxClassBytes) {
        this.loader = loader;
        this.maxClassBytes = maxClassBytes;
    }

    /**
     * Reads the class files of the listed classes and their supertypes.
     *
     * @param classNames the classes of the flat index
     * @param loader the plugin's classes loader
     * @param maxClassBytes the most bytes read of one class file
     * @return the extensions by point, and the classes that could not be read
     */
    public static Scan scan(List<String> classNames, ClassLoader loader, long maxClassBytes) {
        Pf4jExtensions scanner = new Pf4jExtensions(loader, maxClassBytes);
        Map<String, List<ExtensionDescriptor>> byPoint = new HashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        for (String className : classNames) {
            try {
                ClassHeader header = scanner.header(className.replace('.', '/'));
                int ordinal = header.annotationInts().getOrDefault(PF4J_EXTENSION, Map.of()).getOrDefault("ordinal", 0);
                for (String point : scanner.supertypes(header)) {
                    byPoint.computeIfAbsent(point, p -> new ArrayList<>(2))
                            .add(new ExtensionDescriptor(point, className, ordinal, List.of()));
                }
            } catch (IOException e) {
                skipped.add(new Skipped(className, e.getMessage()));
            }
        }
        return new Scan(byPoint, skipped);
    }

    /** Every supertype of a class, nearest first; a supertype whose own class file is missing still counts. */
    private Set<String> supertypes(ClassHeader start) {
        Set<String> result = new LinkedHashSet<>();
        Deque<ClassHeader> todo = new ArrayDeque<>();
        todo.add(start);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            ClassHeader h = todo.poll();
            List<String> parents = new ArrayList<>(h.interfaces());
            if (h.superName() != null) {
                parents.add(h.superName());
            }
            for (String parent : parents) {
                if (!seen.add(parent)) {
                    continue;
                }
                if (!MARKERS.contains(parent)) {
                    result.add(parent.replace('/', '.'));
                }
                if (!parent.startsWith("java/")) {
                    try {
                        todo.add(header(parent));
                    } catch (IOException e) {
                        // the supertype still counts as a point; its own supertypes stay unknown
                    }
                }
            }
        }
        return result;
    }

    private ClassHeader header(String internalName) throws IOException {
        ClassHeader h = headers.get(internalName);
        if (h == null) {
            String file = internalName + ".class";
            try (InputStream in = loader.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IOException("class file " + file + " not found");
                }
                h = ClassHeader.parse(BoundedReader.readAll(in, -1, maxClassBytes, "class file " + file));
            }
            headers.put(internalName, h);
        }
        return h;
    }
}
