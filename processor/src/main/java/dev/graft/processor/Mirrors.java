package dev.graft.processor;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotations through their mirrors, which give the positions of values for diagnostics and
 * read {@code Class} values without loading classes.
 */
final class Mirrors {

    private final Elements elements;

    /** @param elements the compiler's element utilities */
    Mirrors(Elements elements) {
        this.elements = elements;
    }

    /**
     * @param element an annotated element
     * @param type the annotation type
     * @return the annotation on the element, or {@code null} when it is absent
     */
    static AnnotationMirror find(Element element, Class<? extends Annotation> type) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
            if (annotation.getQualifiedName().contentEquals(type.getCanonicalName())) {
                return mirror;
            }
        }
        return null;
    }

    /**
     * @param mirror an annotation
     * @param member the name of one of its members
     * @return the value, the default value when none was written
     * @throws IllegalArgumentException when the annotation has no such member
     */
    AnnotationValue value(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException(mirror.getAnnotationType() + " has no member " + member);
    }

    /**
     * @param mirror an annotation
     * @param member a member of array type
     * @return the values of the array's elements, each with its own position
     */
    List<AnnotationValue> array(AnnotationMirror mirror, String member) {
        List<AnnotationValue> result = new ArrayList<>();
        if (value(mirror, member).getValue() instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof AnnotationValue v) {
                    result.add(v);
                }
            }
        }
        return result;
    }

    /**
     * @param mirror an annotation
     * @param member a member of type {@code String}
     * @return its value
     */
    String string(AnnotationMirror mirror, String member) {
        return String.valueOf(value(mirror, member).getValue());
    }

    /**
     * @param mirror an annotation
     * @return whether a value written in it names a constant the compiler cannot resolve, which javac
     *     gives as the string {@code "<error>"}: another processor may generate its class in a later round
     */
    static boolean hasUnresolvedConstant(AnnotationMirror mirror) {
        return mirror.getElementValues().values().stream().anyMatch(Mirrors::isUnresolved);
    }

    private static boolean isUnresolved(AnnotationValue value) {
        return "<error>".equals(value.getValue()) || value.getValue() instanceof List<?> list
                && list.stream().anyMatch(item -> item instanceof AnnotationValue v && isUnresolved(v));
    }
}
