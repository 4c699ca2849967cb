package dev.graft.processor;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks the constructor an extension is created through. A plain extension needs a public
 * no-argument constructor, which the loader calls. A Spring component is created by Spring, which
 * calls the constructor annotated {@code @Autowired} or {@code @Inject}, else the public
 * no-argument one, else the only one: the component is accepted when that choice is unambiguous and
 * the constructor chosen is public. The implicit constructor counts as public: it has the class's
 * access, so the class's own "not public" error is the one fix, and the only error reported.
 */
final class ConstructorRule {

    private static final Set<String> INJECT = Set.of("org.springframework.beans.factory.annotation.Autowired",
            "jakarta.inject.Inject", "javax.inject.Inject");

    private final Elements elements;
    private final Reporter reporter;

    /**
     * @param elements tells the implicit constructor from a written one
     * @param reporter where errors go
     */
    ConstructorRule(Elements elements, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
    }

    /**
     * Reports an error on the class and its {@code @Extension} when no constructor qualifies.
     *
     * @param type a class
     * @param site the class and its {@code @Extension}
     * @param component whether the class is a Spring component ({@link SpringStereotypes})
     */
    void check(TypeElement type, Site site, boolean component) {
        List<ExecutableElement> all = ElementFilter.constructorsIn(type.getEnclosedElements());
        boolean noArgument = all.isEmpty() || all.stream().anyMatch(c -> c.getParameters().isEmpty() && isPublic(c));
        String prefix = "@Extension class " + Names.of(type);
        if (!component) {
            if (!noArgument) {
                reporter.error(site, prefix + " has no public no-argument constructor, which the loader uses to"
                        + " instantiate it; add 'public " + type.getSimpleName() + "() { ... }'");
            }
            return;
        }
        List<ExecutableElement> marked = all.stream().filter(ConstructorRule::isMarked).toList();
        ExecutableElement chosen;
        if (marked.size() > 1) {
            reporter.error(site, prefix + " is a Spring component with " + marked.size() + " constructors annotated"
                    + " @Autowired or @Inject: " + describe(marked) + "; Spring calls exactly one. Keep the annotation"
                    + " on the one Spring should call, or keep a single public constructor");
            return;
        } else if (marked.size() == 1) {
            chosen = marked.get(0);
        } else if (noArgument) {
            return;
        } else if (all.size() == 1) {
            chosen = all.get(0);
        } else {
            reporter.error(site, prefix + " is a Spring component with " + all.size() + " constructors, none annotated"
                    + " @Autowired or @Inject and none public without parameters: " + describe(all) + "; Spring"
                    + " cannot tell which to call. Annotate the one Spring should call with @Autowired, or keep a"
                    + " single public constructor");
            return;
        }
        if (!isPublic(chosen)) {
            reporter.error(site, prefix + " is a Spring component that Spring would create through "
                    + describe(List.of(chosen)) + ", which is not public; make that constructor public");
        }
    }

    private boolean isPublic(ExecutableElement constructor) {
        return constructor.getModifiers().contains(Modifier.PUBLIC)
                || elements.getOrigin(constructor) == Elements.Origin.MANDATED;
    }

    private static boolean isMarked(ExecutableElement constructor) {
        for (AnnotationMirror mirror : constructor.getAnnotationMirrors()) {
            if (mirror.getAnnotationType().asElement() instanceof TypeElement t && INJECT.contains(Names.of(t))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param constructors constructors of one class
     * @return them as {@code Name(type, type)}, in source order, for messages
     */
    private static String describe(List<ExecutableElement> constructors) {
        return constructors.stream().map(c -> c.getEnclosingElement().getSimpleName() + c.getParameters().stream()
                .map(p -> p.asType().toString()).collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(", "));
    }
}
