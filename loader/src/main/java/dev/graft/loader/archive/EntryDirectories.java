package dev.graft.loader.archive;

import java.util.HashSet;
import java.util.Set;

/**
 * The directories of a root's entries, and those holding classes, gathered in one pass. A zip
 * lists a directory's entries together, so the directory of the previous entry is reused
 * rather than cut out again.
 */
final class EntryDirectories {
    final Set<String> all = new HashSet<>();
    final Set<String> withClasses = new HashSet<>();
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
}
