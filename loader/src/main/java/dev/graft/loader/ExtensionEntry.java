package dev.graft.loader;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One extension of one point, as an index lists it: its class name, ordinal and dependency
 * conditions, known without loading the class. {@link #instance(Class)} loads and creates it on
 * request; the instance is created once and shared by every caller and every point the class is
 * indexed under, however many threads ask at once.
 */
public final class ExtensionEntry {

    private final String pluginId;
    private final ExtensionDescriptor descriptor;
    private final Supplier<ClassLoader> loader;
    private final ExtensionIndex index;
    private volatile Instance instance;
    private volatile ExtensionException mismatch;

    ExtensionEntry(String pluginId, ExtensionDescriptor descriptor, Supplier<ClassLoader> loader,
            ExtensionIndex index) {
        this.pluginId = pluginId;
        this.descriptor = descriptor;
        this.loader = loader;
        this.index = index;
    }

    /** @return the plugin the extension belongs to, or {@code null} for an index read from a plain loader */
    public String pluginId() {
        return pluginId;
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
    public java.util.Optional<ExtensionException> failure() {
        return java.util.Optional.ofNullable(mismatch != null ? mismatch : shared().failure);
    }

    /**
     * Loads the class, without initialising it.
     *
     * @return the extension class
     * @throws ExtensionException if it cannot be loaded
     */
    public Class<?> load() {
        try {
            return Class.forName(descriptor.className(), false, loader.get());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ExtensionException(describe() + " cannot be loaded: " + e, e);
        }
    }

    /**
     * The instance, created on first request with the public no-argument constructor.
     *
     * @param point the extension point the caller expects
     * @param <T> the point type
     * @return the shared instance
     * @throws ExtensionException naming the plugin and class if it cannot be created
     */
    public <T> T instance(Class<T> point) {
        return instance(point, ExtensionFactory.CONSTRUCTOR);
    }

    /**
     * The instance, created on first request by {@code factory}. Later calls return the first
     * instance whatever factory they pass; a creation that failed fails again, with the same
     * exception, without retrying.
     *
     * @param point the extension point the caller expects
     * @param factory creates the instance
     * @param <T> the point type
     * @return the shared instance
     * @throws ExtensionException naming the plugin and class if it cannot be created
     */
    public <T> T instance(Class<T> point, ExtensionFactory factory) {
        ExtensionException known = mismatch;
        if (known != null) {
            throw known;
        }
        Object value = shared().get(this, factory);
        if (!point.isInstance(value)) {
            mismatch = new ExtensionException(describe() + " does not implement " + point.getName() + " as loaded by "
                    + point.getClassLoader() + " (it implements a copy of that type from another loader, or"
                    + " the index is stale)", null);
            throw mismatch;
        }
        return point.cast(value);
    }

    /**
     * The holder of the class's one instance, shared with the entries of the same class under other
     * points; looked up on first use, since listing entries never needs it.
     */
    private Instance shared() {
        Instance i = instance;
        if (i == null) {
            i = index.instance(descriptor.className());
            instance = i;
        }
        return i;
    }

    private String describe() {
        return "extension " + descriptor.className() + (pluginId == null ? "" : " of plugin '" + pluginId + "'");
    }

    @Override
    public String toString() {
        return describe() + " (point " + descriptor.point() + ", ordinal " + descriptor.ordinal() + ")";
    }

    /** The shared instance of one extension class, created once. */
    static final class Instance {
        private final ReentrantLock lock = new ReentrantLock();
        private volatile Object value;
        private volatile ExtensionException failure;
        private Thread creator;

        Object get(ExtensionEntry entry, ExtensionFactory factory) {
            Object v = value;
            if (v != null) {
                return v;
            }
            ExtensionException f = failure;
            if (f != null) {
                throw f;
            }
            lock.lock();
            try {
                if (value != null) {
                    return value;
                }
                if (failure != null) {
                    throw failure;
                }
                if (creator == Thread.currentThread()) {
                    throw new ExtensionException("circular creation: the extension is requested again while its"
                            + " own constructor runs", null);
                }
                creator = Thread.currentThread();
                try {
                    value = create(entry, factory);
                    return value;
                } catch (ExtensionException e) {
                    failure = e;
                    throw e;
                } finally {
                    creator = null;
                }
            } finally {
                lock.unlock();
            }
        }

        /**
         * Loads and creates the entry's class. Here rather than in the entry, so that listing
         * entries loads none of the exception classes its handlers name.
         */
        private static Object create(ExtensionEntry entry, ExtensionFactory factory) {
            Class<?> type = entry.load();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(entry.loader.get());
            try {
                Object value = factory.create(type);
                if (value == null) {
                    throw new ExtensionException(entry.describe() + ": the extension factory returned null", null);
                }
                return value;
            } catch (InvocationTargetException e) {
                throw new ExtensionException(entry.describe() + " could not be created: its constructor threw "
                        + e.getCause(), e.getCause());
            } catch (ExceptionInInitializerError e) {
                throw new ExtensionException(entry.describe() + " could not be created: its static initialiser threw "
                        + e.getCause(), e.getCause() == null ? e : e.getCause());
            } catch (NoSuchMethodException e) {
                throw new ExtensionException(entry.describe() + " could not be created: it has no public no-argument"
                        + " constructor", e);
            } catch (ExtensionException e) {
                throw e;
            } catch (Exception | LinkageError e) {
                throw new ExtensionException(entry.describe() + " could not be created: " + e, e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }
}
