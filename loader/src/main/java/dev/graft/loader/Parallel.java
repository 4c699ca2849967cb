package dev.graft.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs an action for each index of a range on up to a given number of threads: the caller and
 * daemon helpers, each taking the next index from a shared counter. {@link PluginLoading} opens
 * archives with it: many small independent file reads.
 *
 * <p>An {@link Error} the action throws stops every thread from taking more and is rethrown on the
 * caller's thread once all have ended (the action contains everything else). An interrupt of the
 * caller does not cut the work short, since what has been started has to end: it is passed on
 * after the join.
 */
final class Parallel {

    /** Below this many items per thread, another thread costs more than it saves. */
    static final int MIN_ITEMS_PER_THREAD = 16;

    private Parallel() {
    }

    /**
     * @param size the number of items: the action gets {@code 0} to {@code size - 1}, each once
     * @param parallelism the most threads, the caller's included
     * @param name the helper threads' name, numbered
     * @param action what to do with one item; must contain what it throws, but errors
     */
    static void forEach(int size, int parallelism, String name, IntConsumer action) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Error> fatal = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < size && fatal.get() == null; i = next.getAndIncrement()) {
                try {
                    action.accept(i);
                } catch (Error e) {
                    fatal.compareAndSet(null, e);
                }
            }
        };
        int threads = Math.min(parallelism, size / MIN_ITEMS_PER_THREAD);
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(worker, name + "-" + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        worker.run();
        join(helpers);
        if (fatal.get() != null) {
            throw fatal.get();
        }
    }

    private static void join(List<Thread> helpers) {
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
