package dev.graft.loader.leak;

import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Clears the ThreadLocal values of an unloaded plugin from the threads Graft can reach: a value
 * whose class one of the plugin's loaders defined (or that is one of its classes or loaders, or an
 * array or collection holding one directly), or a ThreadLocal key of such a class. A thread's
 * {@code ThreadLocalMap} holds its values strongly for the thread's life, so a plugin that left one
 * on a host pool thread keeps its loaders.
 *
 * <p>The map is private to {@code java.lang}: reading it needs {@code --add-opens
 * java.base/java.lang=<Graft's module, or ALL-UNNAMED on the class path>}. Without it nothing is
 * read and {@link Findings#unchecked()} names the flag. The map is not thread-safe, so an entry of
 * another thread is not removed from it: its key is cleared (what the collector does to a
 * ThreadLocal no longer used, a state the map handles on any thread at any time) and its value set
 * to {@code null}; the thread drops the stale entry when it next uses its map. A host ThreadLocal
 * whose value was the plugin's therefore reads as unset on that thread afterwards.
 */
final class ThreadLocalLeaks {

    private static final Access ACCESS = Access.open();

    private ThreadLocalLeaks() {
    }

    /** The fields of {@code Thread} and its map, accessible; or why not. */
    private record Access(Field threadLocals, Field inheritable, Field table, Field value, String closed) {

        static Access open() {
            try {
                Class<?> map = Class.forName("java.lang.ThreadLocal$ThreadLocalMap");
                Class<?> entry = Class.forName("java.lang.ThreadLocal$ThreadLocalMap$Entry");
                return new Access(accessible(Thread.class, "threadLocals"), accessible(Thread.class, "inheritableThreadLocals"),
                        accessible(map, "table"), accessible(entry, "value"), null);
            } catch (ReflectiveOperationException | RuntimeException e) { // InaccessibleObjectException: not open
                Module graft = ThreadLocalLeaks.class.getModule();
                return new Access(null, null, null, null, "add --add-opens java.base/java.lang="
                        + (graft.isNamed() ? graft.getName() : "ALL-UNNAMED"));
            }
        }

        private static Field accessible(Class<?> type, String name) throws NoSuchFieldException {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        }
    }

    /**
     * @param loaders the plugin's loaders
     * @param threads the threads to clear (not the plugin's own, which still run)
     * @param findings where what was cleared is told
     */
    static void clear(List<? extends ClassLoader> loaders, Collection<Thread> threads, Findings findings) {
        if (ACCESS.closed() != null) {
            findings.unchecked(ACCESS.closed());
            return;
        }
        Map<String, Integer> cleared = new TreeMap<>();
        for (Thread t : threads) {
            try {
                int n = clear(ACCESS.threadLocals().get(t), loaders) + clear(ACCESS.inheritable().get(t), loaders);
                if (n > 0) {
                    cleared.merge(t.getName(), n, Integer::sum);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("the fields were made accessible", e);
            }
        }
        if (!cleared.isEmpty()) {
            int total = cleared.values().stream().mapToInt(Integer::intValue).sum();
            findings.cleaned("cleared " + total + " ThreadLocal value" + (total == 1 ? "" : "s") + " of its classes from thread"
                    + (cleared.size() == 1 ? " " : "s ") + String.join(", ", cleared.keySet().stream().map(n -> "'" + n + "'")
                            .toList()));
        }
    }

    private static int clear(Object map, List<? extends ClassLoader> loaders) throws IllegalAccessException {
        Object[] table = map == null ? null : (Object[]) ACCESS.table().get(map);
        if (table == null) {
            return 0;
        }
        int cleared = 0;
        for (Object entry : table) {
            if (entry instanceof Reference<?> key
                    && (Ownership.isPlugins(key.get(), loaders) || Ownership.isPlugins(ACCESS.value().get(entry), loaders))) {
                key.clear();
                ACCESS.value().set(entry, null);
                cleared++;
            }
        }
        return cleared;
    }
}
