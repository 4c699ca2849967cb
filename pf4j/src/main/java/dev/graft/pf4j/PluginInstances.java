package dev.graft.pf4j;

import dev.graft.loader.LoadedPlugin;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.pf4j.Plugin;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * Creates a pf4j {@code Plugin-Class} with the constructors pf4j supports, in this order: one
 * taking {@code org.pf4j.PluginContext} (pf4j 4's, when the host's pf4j has that class: it is built
 * with the runtime mode), one taking {@code PluginWrapper} (pf4j 3.x), or none.
 */
final class PluginInstances {

    private static final String CONTEXT = "org.pf4j.PluginContext";

    private PluginInstances() {
    }

    static Plugin create(LoadedPlugin plugin, String className, PluginWrapper wrapper, RuntimeMode mode)
            throws Exception {
        String what = "Plugin-Class " + className + " of plugin '" + plugin.id() + "' (" + plugin.source().getFileName() + ")";
        Class<?> type;
        try {
            type = Class.forName(className, false, plugin.classLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(what + " cannot be loaded: " + e, e);
        }
        if (!Plugin.class.isAssignableFrom(type)) {
            throw new IllegalStateException(what + " does not extend org.pf4j.Plugin as the host loads it (from "
                    + Plugin.class.getClassLoader() + "); a plugin must not bundle pf4j: mark it provided");
        }
        if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw new IllegalStateException(what + " must be a public, concrete class");
        }
        try {
            for (Constructor<?> c : type.getConstructors()) {
                Class<?>[] p = c.getParameterTypes();
                if (p.length == 1 && p[0].getName().equals(CONTEXT)) {
                    return (Plugin) c.newInstance(context(p[0], mode, what));
                }
            }
            for (Constructor<?> c : type.getConstructors()) {
                Class<?>[] p = c.getParameterTypes();
                if (p.length == 1 && p[0] == PluginWrapper.class) {
                    return (Plugin) c.newInstance(wrapper);
                }
                if (p.length == 0) {
                    return (Plugin) c.newInstance();
                }
            }
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        throw new IllegalStateException(what + " has none of the public constructors pf4j supports: ("
                + CONTEXT + "), (org.pf4j.PluginWrapper) or ()");
    }

    /** pf4j 4's {@code PluginContext(RuntimeMode)}. */
    private static Object context(Class<?> type, RuntimeMode mode, String what) throws Exception {
        try {
            return type.getConstructor(RuntimeMode.class).newInstance(mode);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(what + " takes a " + CONTEXT + ", but the host's has no public"
                    + " (RuntimeMode) constructor to build it with", e);
        }
    }
}
