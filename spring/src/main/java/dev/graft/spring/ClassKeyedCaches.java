package dev.graft.spring;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.core.MethodParameter;
import org.springframework.core.type.StandardClassMetadata;

/**
 * Evicts an unloaded plugin's classes from the caches Spring's infrastructure keeps by class.
 *
 * <p>Spring was built for contexts whose classes live as long as they do: its bean factory, its
 * post-processors and Spring MVC's adapters cache metadata in maps and sets keyed by a class, a
 * method, a method parameter or a parsed configuration class, and never remove an entry. A plugin
 * unloaded from a running context would stay reachable through them (Spring 7 adds keys that
 * are records of a class and a bean name). So after an unload the
 * objects of Spring's own classes reachable from the infrastructure (fields of Spring types,
 * elements and values of their collections, an inner object's outer one) are walked, each once,
 * and every map and collection among their fields loses the entries that stand for a class of the
 * unloaded plugins. Which fields hold such caches differs between Spring versions; finding them,
 * rather than naming them, keeps this working on each (the unload test runs on Spring Boot 3.5 and
 * 4.0, and finds the paths that remain, if any).
 */
final class ClassKeyedCaches {

    private static final int MAX_DEPTH = 8;

    private ClassKeyedCaches() {
    }

    /**
     * @param holders Spring's infrastructure objects: bean post-processors, the bean factory, the
     *     singletons of Spring's classes
     * @param unloaded whether a class loader belongs to an unloaded plugin
     */
    static void evict(Collection<?> holders, Predicate<ClassLoader> unloaded) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object holder : holders) {
            walk(holder, unloaded, seen, 0);
        }
    }

    private static void walk(Object holder, Predicate<ClassLoader> unloaded, Set<Object> seen, int depth) {
        if (holder == null || depth > MAX_DEPTH || !isSpring(holder) || !seen.add(holder)) {
            return;
        }
        for (Class<?> c = holder.getClass(); c != null && isSpring(c); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                Object value = read(holder, f);
                for (Object next : evictFrom(value, unloaded)) {
                    walk(next, unloaded, seen, depth + 1);
                }
            }
        }
    }

    /** Removes the entries that stand for unloaded classes; returns what to walk next. */
    private static List<Object> evictFrom(Object value, Predicate<ClassLoader> unloaded) {
        Collection<?> keys = value instanceof Map<?, ?> m ? m.keySet() : value instanceof Collection<?> c ? c : null;
        if (keys == null) {
            return value == null ? List.of() : List.of(value);
        }
        List<Object> next = new ArrayList<>();
        try {
            synchronized (value) { // some of these caches are guarded by their own monitor
                keys.removeIf(key -> belongs(key, unloaded));
                next.addAll(value instanceof Map<?, ?> m ? m.values() : keys);
            }
        } catch (RuntimeException unmodifiable) {
            // an unmodifiable or concurrently changing collection: nothing Graft can evict there
        }
        return next;
    }

    private static Object read(Object holder, Field f) {
        try {
            f.setAccessible(true);
            return f.get(holder);
        } catch (RuntimeException | IllegalAccessException e) {
            return null;
        }
    }

    private static boolean isSpring(Object o) {
        return isSpring(o.getClass());
    }

    private static boolean isSpring(Class<?> c) {
        return c.getName().startsWith("org.springframework.");
    }

    /**
     * Whether a cache key stands for a class of an unloaded plugin: the class itself, one of its
     * members or method parameters, or the parsed form of a configuration class.
     */
    private static boolean belongs(Object key, Predicate<ClassLoader> unloaded) {
        if (key instanceof Record r && isSpring(r)) { // Spring 7's composed keys: (Class beanClass, String beanName)
            return recordedClasses(r).stream().anyMatch(c -> isUnloaded(c, unloaded));
        }
        Class<?> type = key instanceof Class<?> k ? k
                : key instanceof Member m ? m.getDeclaringClass()
                : key instanceof MethodParameter p ? p.getDeclaringClass()
                : introspected(key);
        return isUnloaded(type, unloaded);
    }

    private static boolean isUnloaded(Class<?> type, Predicate<ClassLoader> unloaded) {
        return type != null && type.getClassLoader() != null && unloaded.test(type.getClassLoader());
    }

    /** The classes a record of Spring's holds in its {@code Class} components. */
    private static List<Class<?>> recordedClasses(Record key) {
        List<Class<?>> classes = new ArrayList<>();
        for (java.lang.reflect.RecordComponent component : key.getClass().getRecordComponents()) {
            if (component.getType() == Class.class) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    classes.add((Class<?>) accessor.invoke(key));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not readable: not evicted
                }
            }
        }
        return classes;
    }

    /** The class a {@code ConfigurationClass} (package-private in Spring) was parsed from, or {@code null}. */
    private static Class<?> introspected(Object key) {
        if (key == null || !key.getClass().getName().equals("org.springframework.context.annotation.ConfigurationClass")) {
            return null;
        }
        try {
            Method metadata = key.getClass().getDeclaredMethod("getMetadata");
            metadata.setAccessible(true);
            return metadata.invoke(key) instanceof StandardClassMetadata m ? m.getIntrospectedClass() : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
