package dev.graft.processor;

import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks that an {@code @Extension} type is a class the loader can instantiate: a public,
 * non-abstract, top-level or static nested class, nested only in public classes, with a public
 * no-argument constructor or, for a Spring component, the public constructor Spring injects
 * ({@link ConstructorRule}).
 */
final class ExtensionClassValidator {

    private final Reporter reporter;
    private final ConstructorRule constructors;

    /**
     * @param elements the compiler's element utilities
     * @param reporter where errors go
     */
    ExtensionClassValidator(Elements elements, Reporter reporter) {
        this.reporter = reporter;
        this.constructors = new ConstructorRule(elements, reporter);
    }

    /**
     * Reports every rule the type breaks, on the type and its {@code @Extension}.
     *
     * @param type the annotated type
     * @param extension its {@code @Extension}
     * @return whether the type is a named class, so that its extension points can be resolved and
     *     it can be found again by name in a later round
     */
    boolean validate(TypeElement type, AnnotationMirror extension) {
        Site site = Site.of(type, extension);
        String name = Names.of(type);
        if (type.getKind() == ElementKind.RECORD) {
            reporter.error(site, "@Extension type " + name + " is a record; Graft's policy is that an extension is a"
                    + " class, since a record is a data carrier whose state is fixed by its components, not a service"
                    + " (not a limit of the loader: one with a public no-argument constructor, or a Spring component,"
                    + " could be created): declare " + name + " as a final class");
            return false;
        }
        if (type.getKind() != ElementKind.CLASS) {
            reporter.error(site, "@Extension type " + name + " is " + Names.kindOf(type)
                    + "; an extension must be a class that the loader can instantiate");
            return false;
        }
        NestingKind nesting = type.getNestingKind();
        if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
            reporter.error(site, localClassMessage(name, nesting.toString().toLowerCase(Locale.ROOT)));
            return false;
        }
        if (!type.getModifiers().contains(Modifier.PUBLIC)) {
            reporter.error(site, "@Extension class " + name + " is not public; make it public so that the loader"
                    + " can instantiate it");
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            reporter.error(site, "@Extension class " + name + " is abstract, so the loader cannot instantiate it;"
                    + " remove 'abstract', or annotate a concrete subclass instead");
        }
        if (nesting == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(site, "@Extension class " + name + " is an inner class, which needs an instance of "
                    + Names.of(type.getEnclosingElement()) + " to be created; declare it static");
        }
        checkEnclosingClasses(type, site, name);
        constructors.check(type, site, SpringStereotypes.isComponent(type));
        return true;
    }

    /**
     * @param name the class's name
     * @param nesting "local" or "anonymous"
     * @return the error for an {@code @Extension} class declared inside a method body
     */
    static String localClassMessage(String name, String nesting) {
        return "@Extension class " + name + " is a " + nesting + " class, which the loader cannot name; make it a"
                + " top-level class or a public static nested class";
    }

    private void checkEnclosingClasses(TypeElement type, Site site, String name) {
        for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement t; outer = t.getEnclosingElement()) {
            if (!t.getModifiers().contains(Modifier.PUBLIC)) {
                reporter.error(site, "@Extension class " + name + " is nested in " + Names.of(t)
                        + ", which is not public; Graft's policy is that an extension is public all the way out, as"
                        + " visible as the index that names it (the loader itself could instantiate it): make "
                        + Names.of(t) + " public");
            }
        }
    }
}
