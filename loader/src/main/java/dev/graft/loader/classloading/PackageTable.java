package dev.graft.loader.classloading;

import java.util.Map;

/**
 * An immutable map from package name to value that is looked up with a class name: the package is
 * the part of the name before its last dot, and finding it takes no substring. A class lookup
 * through a plugin's loader is one probe of this table, however many packages the plugin and its
 * dependencies hold, and allocates nothing.
 *
 * <p>Open addressing with linear probing, at most half full; a key's hash is
 * {@link String#hashCode()}'s, spread.
 *
 * @param <V> the value type
 */
final class PackageTable<V> {

    private static final PackageTable<?> EMPTY = new PackageTable<>(Map.of());

    private final String[] keys;
    private final Object[] values;
    private final int mask;

    /** @param map package name (dotted; {@code ""} for the unnamed package) to value */
    PackageTable(Map<String, ? extends V> map) {
        int capacity = Integer.highestOneBit(Math.max(1, map.size()) * 2 - 1) << 1;
        keys = new String[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        for (Map.Entry<String, ? extends V> e : map.entrySet()) {
            String key = e.getKey();
            int i = hash(key, key.length()) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = e.getValue();
        }
    }

    /**
     * @param <V> the value type
     * @return the table with no package
     */
    @SuppressWarnings("unchecked")
    static <V> PackageTable<V> empty() {
        return (PackageTable<V>) EMPTY;
    }

    /**
     * The value of a class's package.
     *
     * @param className a binary class name
     * @return the value of the package {@code className} lies in, or {@code null}
     */
    V forClass(String className) {
        return get(className, Math.max(0, className.lastIndexOf('.')));
    }

    /**
     * @param packageName a package name
     * @return its value, or {@code null}
     */
    V get(String packageName) {
        return get(packageName, packageName.length());
    }

    @SuppressWarnings("unchecked")
    private V get(String name, int end) {
        for (int i = hash(name, end) & mask;; i = (i + 1) & mask) {
            String key = keys[i];
            if (key == null) {
                return null;
            }
            if (key.length() == end && name.startsWith(key)) {
                return (V) values[i];
            }
        }
    }

    /** {@code name.substring(0, end).hashCode()}, spread, without the substring. */
    private static int hash(String name, int end) {
        int h = 0;
        for (int i = 0; i < end; i++) {
            h = 31 * h + name.charAt(i);
        }
        return h ^ (h >>> 16);
    }
}
