package dev.graft.processor;

import dev.graft.ExtensionPoint;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/** Checks that {@code @ExtensionPoint} is on an interface or an abstract class. */
final class ExtensionPointValidator {

    private final Reporter reporter;

    /** @param reporter where errors go */
    ExtensionPointValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * Reports an error on the annotation when the type cannot be extended by several classes.
     *
     * @param type a type annotated {@code @ExtensionPoint}
     */
    void validate(Element type) {
        boolean extensible = type.getKind() == ElementKind.INTERFACE
                || (type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT));
        if (!extensible) {
            reporter.error(Site.of(type, Mirrors.find(type, ExtensionPoint.class)), "@ExtensionPoint " + Names.of(type)
                    + " is " + Names.kindOf(type) + "; an extension point must be an interface or an abstract class");
        }
        if (!type.getModifiers().contains(Modifier.PUBLIC)) {
            reporter.warning(Site.of(type, Mirrors.find(type, ExtensionPoint.class)), "@ExtensionPoint " + Names.of(type)
                    + " is not public, so neither the host nor other plugins can name it to ask for its extensions;"
                    + " make it public, unless it is meant for the plugin's own package alone");
        }
    }
}
