package dev.graft.loader.classloading;

import dev.graft.loader.archive.PluginArchive;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A loaded plugin's class-loader pair, created on first use.
 *
 * <p>Everything that can fail is decided when the plugin loads: its archive is read and checked,
 * its exports computed, its dependencies resolved, and the dependencies it sees fixed. What is
 * left, creating the two loaders and the routes between them ({@link Linker#link}), cannot fail,
 * so it waits until a class, a resource or the loader itself is first asked for, as JBoss Modules
 * links a module on its first class load. A host that only lists extensions, or never uses some
 * plugins, creates no loader for them.
 *
 * <p>Linking a plugin first links the dependencies it sees, found by a walk with a stack of its
 * own rather than by recursion, so that a long chain of plugins cannot overflow a thread's stack.
 * Each linkage locks only itself while it is linked, when its dependencies are linked already, and
 * dependencies never point back (the resolver orders plugins), so two threads linking plugins that
 * share dependencies cannot deadlock. Once closed, a linkage still answers with its pair, but
 * closed: its loaders find nothing, as they would had they been created at load and closed at
 * unload.
 */
public final class Linkage implements Supplier<ClassLoader> {

    private final PluginArchive archive;
    private final Map<String, Boolean> exports;
    private final List<Linkage> dependencies;
    private final Linker.Host host;
    private volatile Object attachment;
    // written under this linkage's lock, read without it once set: callWithContextLoader 40 -> 21 ns a call (BENCHMARKS.md)
    private volatile Linker.Pair pair;
    // made when the first dependant links: a plugin nothing depends on keeps none, 0.17 KB less a
    // plugin at N=1000 (measured)
    private volatile Map<String, PluginClassLoader> exported;
    private boolean closed;

    /**
     * @param archive the opened plugin
     * @param exports its exports, as {@link Linker#exports} computed them; {@code null} to compute
     *     them when a dependant links (they cannot fail when the manifest declares none)
     * @param dependencies the linkages of the dependencies it sees, in the order their exports are searched
     * @param host what the host shares
     */
    public Linkage(PluginArchive archive, Map<String, Boolean> exports, List<Linkage> dependencies, Linker.Host host) {
        this.archive = archive;
        this.exports = exports;
        this.dependencies = List.copyOf(dependencies);
        this.host = host;
    }

    /**
     * Sets what the classes loader carries once created ({@link PluginClassLoader#attachment()}).
     * Called once, before the linkage is shared.
     *
     * @param attachment the object the runtime keeps with the loader
     */
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    /**
     * The pair, linked now if it was not yet, after the dependencies' pairs.
     *
     * @return the pair; closed if this linkage is
     */
    public Linker.Pair pair() {
        Linker.Pair linked = pair;
        if (linked != null) {
            return linked;
        }
        for (Linkage next : unlinkedDependenciesFirst()) {
            next.linkAfterDependencies();
        }
        synchronized (this) {
            return pair; // linked last by the loop above
        }
    }

    /**
     * This linkage and the unlinked ones it sees, directly or not, each after those it sees: a
     * depth-first walk with a stack of its own, so that a chain of thousands of plugins takes no
     * thread stack in proportion.
     */
    private List<Linkage> unlinkedDependenciesFirst() {
        List<Linkage> order = new ArrayList<>();
        Set<Linkage> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Iterator<Linkage>> path = new ArrayDeque<>(); // the unvisited dependencies of each linkage on the path
        Deque<Linkage> nodes = new ArrayDeque<>();
        seen.add(this);
        nodes.push(this);
        path.push(dependencies.iterator());
        while (!nodes.isEmpty()) {
            Iterator<Linkage> next = path.peek();
            if (next.hasNext()) {
                Linkage d = next.next();
                if (!d.isLinked() && seen.add(d)) {
                    nodes.push(d);
                    path.push(d.dependencies.iterator());
                }
            } else {
                path.pop();
                order.add(nodes.pop());
            }
        }
        return order;
    }

    /**
     * Links this linkage unless it is linked already. Its dependencies are linked (another thread
     * may be finishing one, which it then waits for, holding only this linkage's lock).
     */
    private synchronized void linkAfterDependencies() {
        if (pair != null) {
            return;
        }
        List<Map<String, PluginClassLoader>> linked = new ArrayList<>(dependencies.size());
        for (Linkage d : dependencies) {
            linked.add(d.exported());
        }
        Linker.Pair created = Linker.link(archive, linked, host);
        created.classes().attach(attachment);
        if (closed) {
            created.close();
        }
        pair = created;
    }

    /**
     * Each package this plugin exports and the loader that defines it, worked out on the first
     * call, by the first dependant that links; the pair is linked first if it was not yet.
     */
    private Map<String, PluginClassLoader> exported() {
        Map<String, PluginClassLoader> known = exported;
        if (known == null) {
            Linker.Pair linked = pair();
            synchronized (this) {
                known = exported;
                if (known == null) {
                    known = Linker.exported(exports != null ? exports : Linker.exports(archive), linked);
                    exported = known;
                }
            }
        }
        return known;
    }

    /** @return the loader of the plugin's own classes, linked now if it was not yet */
    @Override
    public ClassLoader get() {
        return pair().classes();
    }

    /** @return whether the pair has been created */
    public boolean isLinked() {
        return pair != null;
    }

    /** Closes the pair if it was created; a pair created later is created closed. */
    public synchronized void close() {
        closed = true;
        if (pair != null) {
            pair.close();
        }
    }
}
