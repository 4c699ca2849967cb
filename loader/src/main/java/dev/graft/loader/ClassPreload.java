package dev.graft.loader;

import java.util.ArrayList;
import java.util.List;

/**
 * Before a lookup creates many extensions, loads their classes on up to {@code parallelism}
 * threads ({@link Parallel}): each plugin's first class links the plugin (its class loaders) and
 * each class is read from its archive and defined, which for a first lookup over hundreds of
 * plugins is most of its time, and which the JDK does in parallel for different loaders. The
 * classes are loaded without being initialised, so no plugin code runs on those threads: static
 * initialisers and constructors run afterwards, in extension order, on the caller's thread, as
 * they would without this step. A class that cannot be loaded is left to the creation, which
 * reports it (and tries once more).
 */
final class ClassPreload {

    private ClassPreload() {
    }

    /**
     * @param candidates a lookup's candidates
     * @param parallelism the most threads, the caller's included
     * @return how many classes were loaded ahead: {@code 0} when too few are pending for another thread
     */
    static int load(List<Snapshot.Candidate> candidates, int parallelism) {
        List<ExtensionEntry> pending = new ArrayList<>();
        for (Snapshot.Candidate c : candidates) {
            ExtensionEntry e = c.entry();
            if (c.skipReason() == null && !e.isCreated() && e.failure().isEmpty()) {
                pending.add(e);
            }
        }
        if (parallelism < 2 || pending.size() < 2 * Parallel.MIN_ITEMS_PER_THREAD) {
            return 0;
        }
        Parallel.forEach(pending.size(), parallelism, "graft-preload", i -> {
            try {
                pending.get(i).load();
            } catch (ExtensionException e) {
                // the creation meets it again and reports it, once, with its plugin and class
            }
        });
        return pending.size();
    }
}
