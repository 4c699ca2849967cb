package dev.graft.it.spring.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bean of the host where plugin beans record their life cycle ({@code @PostConstruct},
 * {@code @PreDestroy}); the host serves it at {@code GET /admin/journal}, so a test in another
 * process sees that a plugin's {@code @PreDestroy} ran. It holds strings only: nothing of a plugin
 * stays reachable through it once the plugin is unloaded.
 */
public final class Journal {

    private final List<String> entries = new CopyOnWriteArrayList<>();

    /** @param entry what happened */
    public void record(String entry) {
        entries.add(entry);
    }

    /** @return every entry, in order */
    public List<String> entries() {
        return List.copyOf(entries);
    }
}
