package dev.graft.loader.leak;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the cleanup of one unloaded plugin did and found, in words that follow
 * {@code "plugin 'p' was unloaded; Graft "} (what it cleaned) or name what still holds the plugin's
 * loaders. Filled by one thread, then read.
 */
public final class Findings {

    /**
     * Something that keeps an unloaded plugin's loaders reachable.
     *
     * @param description what it is, in words
     * @param thread the thread it is, weakly, or {@code null}: a thread holds only while it runs
     */
    public record Holder(String description, WeakReference<Thread> thread) {

        /** @return whether it still holds: a thread that ended no longer does */
        public boolean stillHolds() {
            if (thread == null) {
                return true;
            }
            Thread t = thread.get();
            return t != null && t.isAlive();
        }
    }

    private final List<String> cleaned = new ArrayList<>();
    private final List<Holder> holders = new ArrayList<>();
    private final Set<String> advice = new LinkedHashSet<>();
    private String unchecked;

    void cleaned(String what) {
        cleaned.add(what);
    }

    void holder(String description, Thread thread) {
        holders.add(new Holder(description, thread == null ? null : new WeakReference<>(thread)));
    }

    void advise(String what) {
        advice.add(what);
    }

    void unchecked(String note) {
        unchecked = note;
    }

    /** @return what was cleaned, each to follow "Graft " ({@code deregistered the JDBC driver x that it registered}) */
    public List<String> cleaned() {
        return List.copyOf(cleaned);
    }

    /** @return what still holds the loaders */
    public List<Holder> holders() {
        return List.copyOf(holders);
    }

    /** @return what the plugin or the host can do about the holders, if anything */
    public List<String> advice() {
        return List.copyOf(advice);
    }

    /**
     * @return how to let Graft check the ThreadLocals of threads, which it could not
     *     ({@code add --add-opens java.base/java.lang=ALL-UNNAMED}), or {@code null} if it did
     */
    public String unchecked() {
        return unchecked;
    }
}
