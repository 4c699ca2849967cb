package dev.graft.loader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Who creates which extension instance, and who waits for whom, across every thread of the JVM.
 *
 * <p>An instance is created by one thread at a time; another thread that asks for it waits. If
 * extension A's constructor asks for B on one thread while B's constructor asks for A on another,
 * each would wait for the other forever. Before a thread waits, the wait-for chain is followed
 * (the creator of what it wants, what that creator waits for, and so on); if it leads back to the
 * thread itself, the request fails with both extensions named instead of blocking. The graph is
 * guarded by one monitor, held only for bookkeeping, never while a constructor runs.
 */
final class Creations {

    private static final Object LOCK = new Object();
    /** The instance each waiting thread waits for. */
    private static final Map<Thread, ExtensionEntry.Instance> WAITING = new HashMap<>();
    /** The entries each thread is creating, innermost last. */
    private static final Map<Thread, Deque<ExtensionEntry>> CREATING = new HashMap<>();

    private Creations() {
    }

    /**
     * Makes the calling thread the creator of an instance, or waits until another thread has
     * created it.
     *
     * @param instance the holder
     * @param entry the entry asked for, named in messages
     * @return {@code true} if the caller must create the instance and then call {@link #finish};
     *     {@code false} if it is already created or failed
     * @throws ExtensionException if waiting would never end: the creator waits, directly or
     *     through other threads, for an instance the caller is creating; or the caller is
     *     interrupted while waiting
     */
    static boolean claim(ExtensionEntry.Instance instance, ExtensionEntry entry) {
        Thread me = Thread.currentThread();
        synchronized (LOCK) {
            while (!instance.isDone()) {
                Thread creator = instance.creator;
                if (creator == null) {
                    instance.creator = me;
                    CREATING.computeIfAbsent(me, t -> new ArrayDeque<>()).addLast(entry);
                    return true;
                }
                if (creator == me || waitsFor(creator, me)) {
                    throw circular(entry, me, creator);
                }
                WAITING.put(me, instance);
                try {
                    LOCK.wait();
                } catch (InterruptedException e) {
                    me.interrupt();
                    throw new ExtensionException(entry + ": interrupted while waiting for thread '"
                            + creator.getName() + "' to create it", e);
                } finally {
                    WAITING.remove(me);
                }
            }
            return false;
        }
    }

    /**
     * Ends the calling thread's creation of an instance and wakes the threads waiting for it.
     *
     * @param instance the holder, whose value or failure the caller has set
     */
    static void finish(ExtensionEntry.Instance instance) {
        Thread me = Thread.currentThread();
        synchronized (LOCK) {
            instance.creator = null;
            Deque<ExtensionEntry> mine = CREATING.get(me);
            mine.removeLast();
            if (mine.isEmpty()) {
                CREATING.remove(me);
            }
            LOCK.notifyAll();
        }
    }

    /** Whether {@code thread}'s wait-for chain reaches {@code target}. Called holding the lock. */
    private static boolean waitsFor(Thread thread, Thread target) {
        for (Thread t = thread; t != null; ) {
            ExtensionEntry.Instance awaited = WAITING.get(t);
            if (awaited == null) {
                return false;
            }
            t = awaited.creator;
            if (t == target) {
                return true;
            }
        }
        return false;
    }

    private static ExtensionException circular(ExtensionEntry wanted, Thread me, Thread creator) {
        Deque<ExtensionEntry> mine = CREATING.get(me);
        String requester = mine == null || mine.isEmpty() ? "a lookup" : "the constructor of " + mine.peekLast();
        if (creator == me) {
            return new ExtensionException("circular creation: " + requester + " asks for " + wanted
                    + ", whose own creation is under way on this thread", null);
        }
        Deque<ExtensionEntry> theirs = CREATING.get(creator);
        return new ExtensionException("circular creation across threads: " + requester + " (thread '"
                + me.getName() + "') asks for " + wanted + ", which thread '" + creator.getName()
                + "' is creating while it waits, directly or through other threads, for what this thread"
                + " creates" + (theirs == null ? "" : " (its innermost creation: " + theirs.peekLast() + ")")
                + "; break the cycle between the two constructors", null);
    }
}
