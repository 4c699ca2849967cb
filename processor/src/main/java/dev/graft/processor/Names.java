package dev.graft.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.QualifiedNameable;

/** How elements are named and described in messages. */
final class Names {

    private Names() {
    }

    /**
     * @param element a type or a package
     * @return its qualified name, or its simple name when it has none (a local class)
     */
    static String of(Element element) {
        if (element instanceof QualifiedNameable named && !named.getQualifiedName().isEmpty()) {
            return named.getQualifiedName().toString();
        }
        if (element instanceof PackageElement) {
            return "the unnamed package";
        }
        return element.getSimpleName().toString();
    }

    /**
     * @param element a type
     * @return what kind of type it is, with an article: "an interface", "an abstract class", ...
     */
    static String kindOf(Element element) {
        ElementKind kind = element.getKind();
        return switch (kind) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation type";
            case RECORD -> "a record";
            case CLASS -> element.getModifiers().contains(Modifier.ABSTRACT) ? "an abstract class" : "a concrete class";
            default -> "a " + kind.toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    /**
     * @param packageName a package name
     * @param root a root package, for example {@code java}
     * @return whether the package is {@code root} or one of its subpackages
     */
    static boolean isIn(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }
}
