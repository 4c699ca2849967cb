package dev.graft.loader.leak;

import dev.graft.loader.classloading.PluginClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Graft cleans after a plugin's loaders are closed, as Tomcat does when it stops a web
 * application: the plugin's threads still running (reported, and stopped where the host asked,
 * {@link PluginThreads}), the JDBC drivers its loaders defined ({@link JdbcLeaks}), and its
 * ThreadLocal values on every other live thread ({@link ThreadLocalLeaks}). The threads Graft can
 * reach are the JVM's live platform threads ({@link Thread#getAllStackTraces()}); virtual threads
 * are not listed by the JDK.
 */
public final class UnloadLeaks {

    private UnloadLeaks() {
    }

    /**
     * @param loaders the unloaded plugin's loaders, closed
     * @param stopThreads whether to interrupt its threads and wait for them a little
     * @return what was cleaned and what still holds the loaders
     */
    public static Findings clean(List<PluginClassLoader> loaders, boolean stopThreads) {
        Findings findings = new Findings();
        Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
        Set<Thread> running;
        try {
            running = PluginThreads.settle(PluginThreads.find(loaders, stacks), stopThreads, findings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the unloading thread was asked to stop: it stops waiting
            running = stacks.keySet();
        }
        JdbcLeaks.deregister(loaders, findings);
        List<Thread> others = new ArrayList<>(stacks.keySet());
        others.removeAll(running);
        ThreadLocalLeaks.clear(loaders, others, findings);
        return findings;
    }
}
