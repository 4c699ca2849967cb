package dev.graft.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Decides the points an {@code @Extension} class is indexed under: the points {@link PointResolver}
 * finds; for a Spring component that has none, the stereotype annotations on it
 * ({@link SpringStereotypes#points}), which are no plugin's API; for any other class none, which is
 * an error.
 */
final class IndexedPoints {

    private final Elements elements;
    private final Mirrors mirrors;
    private final Reporter reporter;
    private final PointResolver resolver;

    /**
     * @param elements the compiler's element utilities
     * @param mirrors reads {@code points}
     * @param reporter where errors go
     * @param resolver finds the extension points
     */
    IndexedPoints(Elements elements, Mirrors mirrors, Reporter reporter, PointResolver resolver) {
        this.elements = elements;
        this.mirrors = mirrors;
        this.reporter = reporter;
        this.resolver = resolver;
    }

    /**
     * @param type an {@code @Extension} class whose types are all resolved
     * @param extension its {@code @Extension}
     * @return the points it is indexed under; empty when an error was reported
     */
    List<PointRef> of(TypeElement type, AnnotationMirror extension) {
        Site site = Site.of(type, extension);
        List<AnnotationValue> explicit = mirrors.array(extension, "points");
        if (!explicit.isEmpty()) {
            return refs(resolver.explicit(type, site, explicit), false);
        }
        List<TypeElement> derived = resolver.derived(type);
        if (!derived.isEmpty()) {
            return refs(derived, false);
        }
        List<TypeElement> stereotypes = SpringStereotypes.points(type);
        if (stereotypes.isEmpty()) {
            reporter.error(site, "no extension point found for @Extension class " + Names.of(type) + ": no supertype"
                    + " is annotated @ExtensionPoint, it implements no interface outside java.* and javax.* directly,"
                    + " and it extends no class outside java.*. Declare the point in one of three ways: annotate the"
                    + " interface or abstract class with @ExtensionPoint; list it in @Extension(points = ...); or"
                    + " implement it directly");
        }
        return refs(stereotypes, true);
    }

    private List<PointRef> refs(List<TypeElement> points, boolean stereotype) {
        List<PointRef> refs = new ArrayList<>();
        for (TypeElement point : points) {
            refs.add(new PointRef(Names.of(point), elements.getBinaryName(point).toString(),
                    elements.getPackageOf(point).getQualifiedName().toString(), stereotype));
        }
        return refs;
    }
}
