package dev.graft.processor;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * Recognises Spring components by the names of their annotations, so that the processor needs no
 * Spring on its path. A class is a component when an annotation on it is
 * {@code org.springframework.stereotype.Component} or
 * {@code org.springframework.context.annotation.Configuration}, or is meta-annotated with one at any
 * depth (Spring's {@code @Service}, {@code @RestController}, ..., and a user's composed
 * stereotypes). {@code @Named} is not a stereotype here. Meta-annotations form cycles (Spring's own
 * annotate each other, {@code @Documented} annotates itself), so every walk visits each type once.
 */
final class SpringStereotypes {

    private static final Set<String> ROOTS = Set.of("org.springframework.stereotype.Component",
            "org.springframework.context.annotation.Configuration");
    private static final String SPRING = "org.springframework.";

    private SpringStereotypes() {
    }

    /**
     * @param type a class
     * @return whether a stereotype annotation is directly present on it
     */
    static boolean isComponent(TypeElement type) {
        return type.getAnnotationMirrors().stream().map(SpringStereotypes::typeOf)
                .anyMatch(SpringStereotypes::isStereotype);
    }

    /**
     * The pseudo-points of a component: for each stereotype annotation directly present, itself when
     * it is one of Spring's, otherwise the Spring stereotype nearest among its meta-annotations
     * (breadth first, ties by name).
     *
     * @param type a class
     * @return the points, sorted by name, each once; empty when the class is no component
     */
    static List<TypeElement> points(TypeElement type) {
        Map<String, TypeElement> points = new TreeMap<>();
        for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
            TypeElement annotation = typeOf(mirror);
            if (isStereotype(annotation)) {
                TypeElement point = first(annotation, SpringStereotypes::isSpringStereotype);
                points.putIfAbsent(Names.of(point), point);
            }
        }
        return List.copyOf(points.values());
    }

    private static boolean isStereotype(TypeElement annotation) {
        return annotation != null && first(annotation, a -> ROOTS.contains(Names.of(a))) != null;
    }

    private static boolean isSpringStereotype(TypeElement annotation) {
        return Names.of(annotation).startsWith(SPRING) && isStereotype(annotation);
    }

    /**
     * Walks an annotation type and its meta-annotations level by level, each type once.
     *
     * @param annotation where the walk starts (level 0)
     * @param test what is looked for
     * @return the first type that passes the test, in name order within a level; {@code null} when none does
     */
    private static TypeElement first(TypeElement annotation, Predicate<TypeElement> test) {
        Set<String> seen = new HashSet<>(Set.of(Names.of(annotation)));
        List<TypeElement> level = List.of(annotation);
        while (!level.isEmpty()) {
            Map<String, TypeElement> next = new TreeMap<>();
            for (TypeElement type : level) {
                if (test.test(type)) {
                    return type;
                }
                for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
                    TypeElement meta = typeOf(mirror);
                    if (meta != null && seen.add(Names.of(meta))) {
                        next.put(Names.of(meta), meta);
                    }
                }
            }
            level = List.copyOf(next.values());
        }
        return null;
    }

    private static TypeElement typeOf(AnnotationMirror mirror) {
        return mirror.getAnnotationType().asElement() instanceof TypeElement type ? type : null;
    }
}
