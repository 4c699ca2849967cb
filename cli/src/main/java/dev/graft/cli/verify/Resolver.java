package dev.graft.cli.verify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves references as the JVM does (JVMS 5.4.3): a class by its name through the referencing
 * loader; a method in the class and its superclasses, then its superinterfaces (for an interface
 * method reference: the interface, {@code Object}, then its superinterfaces); a field in the class,
 * its superinterfaces, then its superclass. Each supertype is found through the loader that defines
 * the class naming it. Access checks are not made: a reference that exists but is not accessible
 * is not reported.
 */
final class Resolver {

    private final Map<ClassSource, Map<String, Optional<ClassSource.Found>>> classes = new HashMap<>();

    /**
     * @param from the referencing loader
     * @param nameOrArray an internal name or an array descriptor
     * @return the class, or empty if the loader would not find it; an array of primitives is {@code java/lang/Object}
     */
    Optional<ClassSource.Found> type(ClassSource from, String nameOrArray) {
        String name = element(nameOrArray);
        return classes.computeIfAbsent(from, k -> new HashMap<>()).computeIfAbsent(name, from::find);
    }

    /** An array's element class ({@code java/lang/Object} for primitives); a class's own name. */
    static String element(String nameOrArray) {
        if (!nameOrArray.startsWith("[")) {
            return nameOrArray;
        }
        String e = nameOrArray.replaceFirst("^\\[+", "");
        return e.startsWith("L") ? e.substring(1, e.length() - 1) : "java/lang/Object";
    }

    /** Whether the method resolves in the class found; a missing supertype counts as declaring nothing. */
    boolean method(ClassSource.Found owner, String name, String descriptor, boolean interfaceRef, boolean array) {
        if (array) {
            return objectDeclares(owner.definedBy(), name, descriptor);
        }
        if (interfaceRef) {
            return owner.model().declaresMethod(name, descriptor) || objectDeclares(owner.definedBy(), name, descriptor)
                    || superinterfacesDeclare(owner, name, descriptor);
        }
        for (ClassSource.Found c = owner; c != null; c = superclass(c)) {
            if (c.model().declaresMethod(name, descriptor)) {
                return true;
            }
        }
        for (ClassSource.Found c = owner; c != null; c = superclass(c)) {
            if (superinterfacesDeclare(c, name, descriptor)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the field resolves: the class, its superinterfaces, then its superclass, recursively. */
    boolean field(ClassSource.Found owner, String name, String descriptor) {
        for (ClassSource.Found c = owner; c != null; c = superclass(c)) {
            if (c.model().declaresField(name, descriptor)) {
                return true;
            }
            for (ClassSource.Found i : superinterfaces(c)) {
                if (i.model().declaresField(name, descriptor)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean objectDeclares(ClassSource from, String name, String descriptor) {
        return type(from, "java/lang/Object").map(o -> o.model().declaresMethod(name, descriptor)).orElse(false);
    }

    private boolean superinterfacesDeclare(ClassSource.Found c, String name, String descriptor) {
        for (ClassSource.Found i : superinterfaces(c)) {
            if (i.model().declaresInstanceMethod(name, descriptor)) {
                return true;
            }
        }
        return false;
    }

    private ClassSource.Found superclass(ClassSource.Found c) {
        String s = c.model().superName();
        return s == null ? null : type(c.definedBy(), s).orElse(null);
    }

    /** Every superinterface of a class, transitively, each once, in breadth-first order; missing ones left out. */
    private Set<ClassSource.Found> superinterfaces(ClassSource.Found c) {
        Set<ClassSource.Found> seen = new java.util.LinkedHashSet<>();
        Set<String> names = new HashSet<>();
        Deque<ClassSource.Found> todo = new ArrayDeque<>();
        todo.add(c);
        while (!todo.isEmpty()) {
            ClassSource.Found next = todo.poll();
            for (String i : next.model().interfaces()) {
                Optional<ClassSource.Found> found = type(next.definedBy(), i);
                if (found.isPresent() && names.add(i + "@" + found.get().definedBy().label())) {
                    seen.add(found.get());
                    todo.add(found.get());
                }
            }
        }
        return seen;
    }
}
