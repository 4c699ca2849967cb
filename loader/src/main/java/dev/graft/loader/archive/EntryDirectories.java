package dev.graft.loader.archive;

import java.util.HashSet;
import java.util.Set;

/**
 * The directories of a root's entries, and those holding classes, gathered in one pass. A zip
 * lists a directory's entries together, so the directory of the previous entry is reused
 * rather than cut out again.
 *
 * <p>{@link #holds} also answers for the directories above them ({@code com} for
 * {@code com/example/A.class}), for class-path scanning, from the directories sorted once, on first
 * use: every directory below {@code com} sorts right after {@code com/}, so one binary search finds
 * whether there is one. Making the set of ancestors instead would cut a string per level of every
 * directory: an entry name of 64 KiB nested 32,000 deep would make a gigabyte of them.
 */
final class EntryDirectories {
    /** A root with no entries, or a zip closed before its directories were gathered. */
    static final EntryDirectories NONE = new EntryDirectories(Set.of(), Set.of());

    final Set<String> all;
    final Set<String> withClasses;
    private volatile String[] sorted;

    private EntryDirectories(Set<String> all, Set<String> withClasses) {
        this.all = all;
        this.withClasses = withClasses;
    }

    /** Gathers the directories of a root's entries, one entry at a time, in the order the zip lists them. */
    static final class Gatherer {
        /** The directory of Graft's metadata, in every plugin: one string for all (0.05 KB a plugin at N=1000, measured). */
        private static final String GRAFT = "META-INF/graft";
        private final Set<String> all = new HashSet<>();
        private final Set<String> withClasses = new HashSet<>();
        private String last;
        private String lastWithClasses;

        void add(String path) {
            add(path, 0);
        }

        /** Adds the entry {@code name} minus its first {@code from} characters (the root's prefix). */
        void add(String name, int from) {
            int slash = name.lastIndexOf('/');
            String dir;
            if (slash < from) {
                dir = "";
            } else if (last != null && slash - from == last.length() && name.startsWith(last, from)) {
                dir = last;
            } else if (slash - from == GRAFT.length() && name.startsWith(GRAFT, from)) {
                dir = GRAFT;
            } else {
                dir = name.substring(from, slash);
            }
            if (dir != last) {
                all.add(dir);
                last = dir;
            }
            if (dir != lastWithClasses && name.endsWith(".class") && !name.startsWith("META-INF/", from)) {
                withClasses.add(dir);
                lastWithClasses = dir;
            }
        }

        /**
         * The directories gathered, frozen: immutable sets, which the class loaders use as they are
         * (a plugin's few directories in a {@link Set#copyOf} instead of a {@code HashSet}: -0.3 KB a plugin).
         */
        EntryDirectories done() {
            return new EntryDirectories(Set.copyOf(all), Set.copyOf(withClasses));
        }
    }

    /**
     * Whether a directory holds an entry or lies above one.
     *
     * @param dir a directory, in slash form without trailing slash
     * @return whether it is one of {@link #all}, or an ancestor of one
     */
    boolean holds(String dir) {
        if (all.contains(dir)) {
            return true;
        }
        String[] s = sorted;
        if (s == null) {
            s = all.toArray(new String[0]);
            java.util.Arrays.sort(s);
            sorted = s; // a race sorts twice, harmlessly
        }
        String below = dir + "/";
        int i = java.util.Arrays.binarySearch(s, below);
        int next = i >= 0 ? i : -i - 1;
        return next < s.length && s[next].startsWith(below);
    }
}
