package dev.graft.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Walks the supertypes of a type: superclasses and interfaces, transitively. */
final class Supertypes {

    private Supertypes() {
    }

    /**
     * @param type a type
     * @return its direct superclass (unless it has none) and its direct interfaces, as written,
     *     which may include error types
     */
    static List<TypeMirror> direct(TypeElement type) {
        List<TypeMirror> result = new ArrayList<>();
        if (type.getSuperclass().getKind() != TypeKind.NONE) {
            result.add(type.getSuperclass());
        }
        result.addAll(type.getInterfaces());
        return result;
    }

    /**
     * @param mirror a type
     * @return the class or interface it names, or {@code null} when it is not a declared type
     */
    static TypeElement element(TypeMirror mirror) {
        return mirror.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) mirror).asElement() : null;
    }

    /**
     * Visits every supertype of {@code type} once, breadth first: declared types, and error types
     * for supertypes the compiler cannot resolve (yet); the supertypes of those are not visited.
     *
     * @param type the type whose supertypes are visited
     * @param visitor receives each supertype
     */
    static void walk(TypeElement type, Consumer<TypeMirror> visitor) {
        Set<String> seen = new HashSet<>();
        Deque<TypeMirror> queue = new ArrayDeque<>(direct(type));
        while (!queue.isEmpty()) {
            TypeMirror next = queue.poll();
            TypeElement element = element(next);
            if (element != null) {
                if (seen.add(element.getQualifiedName().toString())) {
                    visitor.accept(next);
                    queue.addAll(direct(element));
                }
            } else {
                visitor.accept(next);
            }
        }
    }
}
