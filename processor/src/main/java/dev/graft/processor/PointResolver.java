package dev.graft.processor;

import dev.graft.ExtensionPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the extension points of an {@code @Extension} class, in this order of precedence: the
 * explicit {@code points}; else every supertype annotated {@code @ExtensionPoint}; else the
 * interfaces it implements directly outside {@code java.*} and {@code javax.*}, or, when there are
 * none, its direct superclass when that is not in {@code java.*}. {@link IndexedPoints} decides what
 * a class without any is indexed under.
 */
final class PointResolver {

    private final Elements elements;
    private final Types types;
    private final Reporter reporter;

    /**
     * @param elements the compiler's element utilities
     * @param types the compiler's type utilities
     * @param reporter where errors go
     */
    PointResolver(Elements elements, Types types, Reporter reporter) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
    }

    /**
     * Checks the explicit {@code points} of a class whose types are all resolved.
     *
     * @param type the {@code @Extension} class
     * @param site the class and its {@code @Extension}
     * @param values the elements of {@code points}, not empty
     * @return the points, each once; empty when an error was reported
     */
    List<TypeElement> explicit(TypeElement type, Site site, List<AnnotationValue> values) {
        Map<String, TypeElement> points = new LinkedHashMap<>();
        boolean valid = true;
        TypeMirror extensionType = types.erasure(type.asType());
        for (AnnotationValue value : values) {
            TypeElement point = value.getValue() instanceof TypeMirror m ? Supertypes.element(m) : null;
            String prefix = "@Extension class " + Names.of(type) + " lists " + value.getValue() + " in points";
            if (point == null) {
                reporter.error(site.at(value), prefix + ", which is not a class or an interface; expected a supertype"
                        + " of " + Names.of(type));
                valid = false;
            } else if (!types.isSubtype(extensionType, types.erasure(point.asType()))) {
                reporter.error(site.at(value), prefix + ", but " + Names.of(type) + " neither extends nor implements "
                        + Names.of(point) + "; an explicit point must be a supertype of the extension class");
                valid = false;
            } else if (points.putIfAbsent(Names.of(point), point) != null) {
                reporter.error(site.at(value), prefix + " twice; list each point once");
                valid = false;
            }
        }
        return valid ? List.copyOf(points.values()) : List.of();
    }

    /**
     * Derives the points of a class without explicit {@code points}, whose types are all resolved.
     *
     * @param type the {@code @Extension} class
     * @return the supertypes annotated {@code @ExtensionPoint}, else the fallback; empty when there are none
     */
    List<TypeElement> derived(TypeElement type) {
        List<TypeElement> annotated = annotatedSupertypes(type);
        return annotated.isEmpty() ? fallback(type) : annotated;
    }

    private List<TypeElement> annotatedSupertypes(TypeElement type) {
        List<TypeElement> found = new ArrayList<>();
        Supertypes.walk(type, supertype -> {
            TypeElement element = Supertypes.element(supertype);
            if (element != null && Mirrors.find(element, ExtensionPoint.class) != null) {
                found.add(element);
            }
        });
        return found;
    }

    private List<TypeElement> fallback(TypeElement type) {
        List<TypeElement> interfaces = new ArrayList<>();
        for (TypeMirror i : type.getInterfaces()) {
            TypeElement element = Supertypes.element(i);
            if (element != null && !Names.isIn(packageOf(element), "java") && !Names.isIn(packageOf(element), "javax")) {
                interfaces.add(element);
            }
        }
        if (!interfaces.isEmpty()) {
            return interfaces;
        }
        TypeElement superclass = Supertypes.element(type.getSuperclass());
        return superclass != null && !Names.isIn(packageOf(superclass), "java") ? List.of(superclass) : List.of();
    }

    private String packageOf(TypeElement type) {
        return elements.getPackageOf(type).getQualifiedName().toString();
    }
}
