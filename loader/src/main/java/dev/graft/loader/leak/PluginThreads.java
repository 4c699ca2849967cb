package dev.graft.loader.leak;

import dev.graft.loader.classloading.PluginClassLoader;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live threads that belong to an unloaded plugin, and stopping them where the host asked.
 *
 * <p>A thread is the plugin's when its context class loader is one of the plugin's loaders (a
 * thread started from the plugin's code while Graft ran it, in its extension's constructor or a
 * contextual call, inherits it), its class is the plugin's, its {@code Runnable} is (readable only
 * where {@code java.lang} is open to Graft), or one of its frames runs a class that one of the
 * plugin's loaders loaded (the frame gives the loader's name, {@code graft:p}, and the class name,
 * which the loader is asked for: this finds a thread started from a host thread's call). The
 * thread that unloads is never one. Stopping is {@link Thread#interrupt()} and a join bounded by
 * {@link #JOIN} for all of them together: Java has no safe way to stop a thread that ignores it.
 */
final class PluginThreads {

    /** How long an unload waits, in all, for the interrupted threads of a plugin to end. */
    static final Duration JOIN = Duration.ofSeconds(1);
    private static final Field HOLDER = accessible(Thread.class, "holder");
    private static final Field TASK = taskField();

    private PluginThreads() {
    }

    /** A thread of the plugin, and how Graft knows. */
    record Found(Thread thread, String why) {
    }

    /**
     * @param loaders the plugin's loaders
     * @param stacks the live threads and their stacks
     * @return the plugin's threads, in the order of the map
     */
    static List<Found> find(List<PluginClassLoader> loaders, Map<Thread, StackTraceElement[]> stacks) {
        List<Found> found = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : stacks.entrySet()) {
            Thread t = e.getKey();
            String why = t == Thread.currentThread() ? null : why(t, e.getValue(), loaders);
            if (why != null) {
                found.add(new Found(t, why));
            }
        }
        return found;
    }

    private static String why(Thread t, StackTraceElement[] stack, List<PluginClassLoader> loaders) {
        if (isOneOf(t.getContextClassLoader(), loaders)) {
            return "its context class loader is the plugin's";
        }
        if (isOneOf(t.getClass().getClassLoader(), loaders)) {
            return "its class " + t.getClass().getName() + " is the plugin's";
        }
        Object task = task(t);
        if (task != null && isOneOf(task.getClass().getClassLoader(), loaders)) {
            return "its Runnable " + task.getClass().getName() + " is the plugin's";
        }
        for (StackTraceElement frame : stack) {
            for (PluginClassLoader loader : loaders) {
                if (loader.getName().equals(frame.getClassLoaderName()) && loader.hasLoaded(frame.getClassName())) {
                    return "it runs " + frame.getClassName() + "." + frame.getMethodName() + ", a class of the plugin";
                }
            }
        }
        return null;
    }

    private static boolean isOneOf(ClassLoader loader, List<PluginClassLoader> loaders) {
        return loader != null && loaders.contains(loader);
    }

    /**
     * Tells what became of the plugin's threads, stopping them first if {@code stop}.
     *
     * @return the threads still running
     */
    static Set<Thread> settle(List<Found> threads, boolean stop, Findings findings) throws InterruptedException {
        if (stop) {
            threads.forEach(f -> f.thread().interrupt());
            long deadline = System.nanoTime() + JOIN.toNanos();
            for (Found f : threads) {
                f.thread().join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
        Set<Thread> running = new LinkedHashSet<>();
        for (Found f : threads) {
            String thread = "thread '" + f.thread().getName() + "'";
            if (!f.thread().isAlive()) {
                findings.cleaned("stopped its " + thread + " (" + f.why() + ")");
            } else if (stop) {
                running.add(f.thread());
                findings.holder(thread + " is still running (" + f.why() + "); interrupted at unload, it did not end"
                        + " within " + JOIN.toMillis() + " ms", f.thread());
                findings.advise("a thread that ignores interrupts must be ended by the plugin when it stops");
            } else {
                running.add(f.thread());
                findings.holder(thread + " is still running (" + f.why() + ")", f.thread());
                findings.advise("a plugin should end its threads when it stops (PluginLifecycle.stop), and"
                        + " PluginRuntime.Builder.stopPluginThreads(true) lets Graft interrupt them at unload");
            }
        }
        return running;
    }

    /** The {@code Runnable} a thread was given, where Graft may read it; else {@code null}. */
    private static Object task(Thread t) {
        if (TASK == null) {
            return null;
        }
        try {
            Object holder = TASK.getDeclaringClass() == Thread.class ? t : HOLDER.get(t);
            return holder == null ? null : TASK.get(holder);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /** {@code Thread.target} (Java 17 and 18) or {@code Thread.holder.task} (19 on), if open to Graft. */
    private static Field taskField() {
        Field target = accessible(Thread.class, "target");
        if (target != null) {
            return target;
        }
        Field holder = accessible(Thread.class, "holder");
        return holder == null ? null : accessible(holder.getType(), "task");
    }

    private static Field accessible(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) { // InaccessibleObjectException: not open to Graft
            return null;
        }
    }
}
