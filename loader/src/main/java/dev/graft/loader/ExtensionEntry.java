package dev.graft.loader;

import dev.graft.format.Dependency;
import dev.graft.format.ExtensionDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;

/**
 * One extension of one point, as an index lists it: its class name, ordinal and dependency
 * conditions, known without loading the class. {@link #instance(Class)} loads and creates it on
 * request; the instance is created once and shared by every caller and every point the class is
 * indexed under, however many threads ask at once.
 */
public final class ExtensionEntry {

    private final ExtensionDescriptor descriptor;
    private final ExtensionIndex index; // also gives the plugin's id and loader, kept there once for all entries
    private volatile Instance instance;
    private volatile ExtensionException mismatch;
    private Object contextual;

    ExtensionEntry(ExtensionDescriptor descriptor, ExtensionIndex index) {
        this.descriptor = descriptor;
        this.index = index;
    }

    /** @return the plugin the extension belongs to; empty for an index read from a loader no runtime created */
    public Optional<String> pluginId() {
        return index.pluginId();
    }

    /** @return the binary name of the extension point */
    public String point() {
        return descriptor.point();
    }

    /** @return the binary name of the extension class */
    public String className() {
        return descriptor.className();
    }

    /** @return the ordinal; lower comes first */
    public int ordinal() {
        return descriptor.ordinal();
    }

    /** @return the plugins that must be installed, in range, for the extension to be active */
    public List<Dependency> dependencies() {
        return descriptor.dependencies();
    }

    /** @return the index entry */
    public ExtensionDescriptor descriptor() {
        return descriptor;
    }

    /** @return whether the instance has been created */
    public boolean isCreated() {
        return shared().value != null;
    }

    /** @return the failure of an earlier attempt to create the instance, if any */
    public Optional<ExtensionException> failure() {
        return Optional.ofNullable(mismatch != null ? mismatch : shared().failure);
    }

    /**
     * Loads the class, without initialising it. The class must be one the plugin defines (its own
     * classes; for a single-jar plugin, its jar): an index that names a JDK, host or library class
     * does not make it an extension of the plugin.
     *
     * @return the extension class
     * @throws ExtensionException if it cannot be loaded, or the plugin does not define it
     */
    public Class<?> load() {
        ClassLoader plugin;
        Class<?> type;
        try {
            plugin = index.classLoader();
            type = Class.forName(descriptor.className(), false, plugin);
        } catch (Throwable e) {
            Containment.rethrowIfFatal(e);
            throw new ExtensionException(describe() + " cannot be loaded: " + e, e);
        }
        if (type.getClassLoader() != plugin) {
            throw new ExtensionException(describe() + " is not a class of the plugin: the index names "
                    + descriptor.className() + ", which " + definedBy(type) + " defines, not " + plugin
                    + "; an extension must be one of the plugin's own classes", null);
        }
        return type;
    }

    private static String definedBy(Class<?> type) {
        ClassLoader l = type.getClassLoader();
        return l == null ? "the JDK's bootstrap loader" : "the loader " + l;
    }

    /**
     * The instance, created on first request with the public no-argument constructor, or returned
     * as {@link PluginRuntime#extensions(Class)} created it with the runtime's
     * {@link ExtensionFactory}: the first creation wins, and a creation that failed fails again,
     * with the same exception, without retrying.
     *
     * @param point the extension point the caller expects
     * @param <T> the point type
     * @return the shared instance
     * @throws ExtensionException naming the plugin and class if it cannot be created
     */
    public <T> T instance(Class<T> point) {
        return instance(point, type -> type.getConstructor().newInstance());
    }

    /**
     * The instance, created on first request by the runtime's factory for {@code plugin}.
     *
     * @param point the extension point the caller expects
     * @param factory creates the instance
     * @param plugin the plugin of this entry, which the factory is told
     * @param <T> the point type
     * @return the shared instance
     * @throws ExtensionException naming the plugin and class if it cannot be created
     */
    <T> T instance(Class<T> point, ExtensionFactory factory, LoadedPlugin plugin) {
        return instance(point, type -> factory.create(new ExtensionFactory.Context(type, plugin)));
    }

    private <T> T instance(Class<T> point, Creator creator) {
        ExtensionException known = mismatch;
        if (known != null) {
            throw known;
        }
        Object value = shared().get(this, creator);
        if (!point.isInstance(value)) {
            mismatch = new ExtensionException(describe() + " does not implement " + point.getName() + " as loaded by "
                    + point.getClassLoader() + " (it implements a copy of that type from another loader, or"
                    + " the index is stale)", null);
            throw mismatch;
        }
        return point.cast(value);
    }

    /**
     * The one wrapper of this entry's instance whose calls run in its plugin's context
     * ({@link PluginRuntime#contextualExtensions(Class)}), created on first request.
     */
    synchronized <T> T contextual(Class<T> point, T instance) {
        if (!point.isInstance(contextual)) { // first request, or a caller with another copy of the point's class
            contextual = ContextualCalls.wrap(point, instance, index.classLoader());
        }
        return point.cast(contextual);
    }

    /**
     * The holder of the class's one instance, shared with the entries of the same class under other
     * points; looked up once, on first use, since listing entries never needs it.
     */
    private Instance shared() {
        Instance i = instance;
        if (i == null) {
            synchronized (this) { // the index makes a new holder for a class under one point: ask it once
                i = instance;
                if (i == null) {
                    i = index.instance(descriptor.className());
                    instance = i;
                }
            }
        }
        return i;
    }

    private String describe() {
        return "extension " + descriptor.className() + index.pluginId().map(id -> " of plugin '" + id + "'").orElse("");
    }

    @Override
    public String toString() {
        return describe() + " (point " + descriptor.point() + ", ordinal " + descriptor.ordinal() + ")";
    }

    /** Creates the instance of a loaded extension class: the constructor, or the host's factory. */
    @FunctionalInterface
    private interface Creator {
        Object create(Class<?> type) throws Exception;
    }

    /**
     * The shared instance of one extension class, created once: the value, or the failure that
     * every later request gets again. Which thread creates it is decided by {@link Creations}.
     */
    static final class Instance {
        private volatile Object value;
        private volatile ExtensionException failure;
        /** The thread creating the instance; guarded by {@link Creations}' lock. */
        Thread creator;

        boolean isDone() {
            return value != null || failure != null;
        }

        Object get(ExtensionEntry entry, Creator creator) {
            if (!isDone() && Creations.claim(this, entry)) {
                try {
                    value = create(entry, creator);
                } catch (ExtensionException e) {
                    failure = e;
                } catch (Throwable fatal) { // not contained: the JVM is broken; still wake the waiting threads
                    failure = new ExtensionException(entry.describe() + " could not be created: " + fatal, fatal);
                    throw fatal;
                } finally {
                    Creations.finish(this);
                }
            }
            Object v = value;
            if (v != null) {
                return v;
            }
            throw failure;
        }

        /**
         * Loads and creates the entry's class. Anything the plugin's class or the factory throws
         * becomes an {@link ExtensionException} naming the plugin and the class, except the errors
         * {@link Containment} leaves to the host.
         */
        private static Object create(ExtensionEntry entry, Creator creator) {
            Class<?> type = entry.load();
            try {
                Object value = PluginContext.run(entry.index.classLoader(), () -> creator.create(type));
                if (value == null) {
                    throw new ExtensionException(entry.describe() + ": the extension factory returned null", null);
                }
                return value;
            } catch (ExtensionException e) {
                throw e;
            } catch (InvocationTargetException e) {
                throw new ExtensionException(entry.describe() + " could not be created: its constructor threw "
                        + e.getCause(), e.getCause());
            } catch (ExceptionInInitializerError e) {
                throw new ExtensionException(entry.describe() + " could not be created: its static initialiser threw "
                        + e.getCause(), e.getCause() == null ? e : e.getCause());
            } catch (NoSuchMethodException e) {
                throw new ExtensionException(entry.describe() + " could not be created: it has no public no-argument"
                        + " constructor", e);
            } catch (Throwable e) {
                Containment.rethrowIfFatal(e);
                throw new ExtensionException(entry.describe() + " could not be created: " + e, e);
            }
        }
    }
}
