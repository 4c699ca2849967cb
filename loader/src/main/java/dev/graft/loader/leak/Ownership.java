package dev.graft.loader.leak;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Whether an object belongs to a plugin's loaders: what a leftover reference to it keeps alive. */
final class Ownership {

    private Ownership() {
    }

    /**
     * @param o an object
     * @param loaders the plugin's loaders
     * @return whether it is one of them, one of their classes, an instance of one, or an array,
     *     collection or map that directly holds such an object
     */
    static boolean isPlugins(Object o, List<? extends ClassLoader> loaders) {
        if (isOwn(o, loaders)) {
            return true;
        }
        try {
            if (o instanceof Object[] array) {
                for (Object element : array) {
                    if (isOwn(element, loaders)) {
                        return true;
                    }
                }
            } else if (o instanceof Collection<?> c) {
                for (Object element : c) {
                    if (isOwn(element, loaders)) {
                        return true;
                    }
                }
            } else if (o instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (isOwn(e.getKey(), loaders) || isOwn(e.getValue(), loaders)) {
                        return true;
                    }
                }
            }
        } catch (RuntimeException e) { // another thread changed it meanwhile (ConcurrentModificationException)
            return false;
        }
        return false;
    }

    private static boolean isOwn(Object o, List<? extends ClassLoader> loaders) {
        if (o == null) {
            return false;
        }
        if (o instanceof ClassLoader l && loaders.contains(l)) {
            return true;
        }
        Class<?> type = o instanceof Class<?> c ? c : o.getClass();
        while (type.isArray()) {
            type = type.getComponentType();
        }
        ClassLoader loader = type.getClassLoader();
        return loader != null && loaders.contains(loader); // the JDK's classes have none
    }
}
