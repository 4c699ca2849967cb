package dev.graft.processor;

import dev.graft.Extension;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Collects {@code @Extension} classes round by round: validates the class, resolves the points it
 * is indexed under, and defers a class whose supertypes or points are not resolvable yet to the
 * next round.
 */
final class ExtensionCollector {

    private final Elements elements;
    private final Mirrors mirrors;
    private final Reporter reporter;
    private final Collected collected;
    private final ExtensionClassValidator classValidator;
    private final UnresolvedTypes unresolvedTypes;
    private final IndexedPoints points;

    /**
     * @param elements the compiler's element utilities
     * @param types the compiler's type utilities
     * @param reporter where errors go
     * @param collected where extensions are kept
     */
    ExtensionCollector(Elements elements, Types types, Reporter reporter, Collected collected) {
        this.elements = elements;
        this.mirrors = new Mirrors(elements);
        this.reporter = reporter;
        this.collected = collected;
        this.classValidator = new ExtensionClassValidator(elements, reporter);
        this.unresolvedTypes = new UnresolvedTypes(mirrors);
        this.points = new IndexedPoints(elements, mirrors, reporter, new PointResolver(elements, types, reporter));
    }

    /**
     * Processes a class annotated {@code @Extension} in the current round.
     *
     * @param type the annotated type
     */
    void add(TypeElement type) {
        AnnotationMirror extension = Mirrors.find(type, Extension.class);
        boolean isNamedClass = classValidator.validate(type, extension);
        if (!type.getQualifiedName().isEmpty()) {
            collected.addExtension(type.getQualifiedName().toString());
        }
        if (isNamedClass) {
            resolve(type, extension);
        }
    }

    /**
     * Processes again a class deferred in an earlier round.
     *
     * @param name its canonical name
     */
    void retry(String name) {
        TypeElement type = elements.getTypeElement(name);
        if (type != null) {
            resolve(type, Mirrors.find(type, Extension.class));
        }
    }

    /**
     * Reports a class still deferred when processing is over.
     *
     * @param name its canonical name
     */
    void reportUnresolved(String name) {
        TypeElement type = elements.getTypeElement(name);
        if (type != null) {
            AnnotationMirror extension = Mirrors.find(type, Extension.class);
            reporter.error(Site.of(type, extension), "@Extension class " + name + " cannot be indexed: the compiler"
                    + " cannot resolve " + String.join(", ", unresolvedTypes.of(type, extension)) + " (in its"
                    + " supertypes or @Extension(points)); check the imports and the class path");
        }
    }

    private void resolve(TypeElement type, AnnotationMirror extension) {
        Set<String> missing = unresolvedTypes.of(type, extension);
        if (!missing.isEmpty()) {
            collected.defer(type.getQualifiedName().toString());
            return;
        }
        List<PointRef> refs = points.of(type, extension);
        if (refs.isEmpty()) {
            return;
        }
        int ordinal = mirrors.value(extension, "ordinal").getValue() instanceof Integer i ? i : 0;
        collected.addCandidate(new ExtensionCandidate(Names.of(type), elements.getBinaryName(type).toString(), ordinal,
                refs));
    }
}
