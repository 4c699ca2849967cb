package dev.graft.loader;

import java.util.Objects;

/**
 * Creates extension instances for a {@link PluginRuntime}. The default calls the public
 * no-argument constructor; a host that uses dependency injection supplies its own, for example
 * {@code context -> beanFactory.createBean(context.type())}, and can scope what it injects by
 * {@link Context#plugin()}. Graft calls it at most once per extension class and plugin, with the
 * thread context class loader set to the plugin's loader, and checks that the result implements
 * the extension point asked for; a result that does not, like a {@code null} or a thrown exception,
 * fails that extension only.
 */
@FunctionalInterface
public interface ExtensionFactory {

    /** Calls the public no-argument constructor. */
    ExtensionFactory CONSTRUCTOR = context -> context.type().getConstructor().newInstance();

    /**
     * Creates an instance of an extension class.
     *
     * @param context the class to instantiate and the plugin it belongs to
     * @return the new instance, never {@code null}
     * @throws Exception if the instance cannot be created; Graft reports it with the plugin and the
     *     class and skips the extension
     */
    Object create(Context context) throws Exception;

    /**
     * What the runtime asks a factory to create. The point is not part of it: the one instance of
     * a class serves every point the class is indexed under ({@link LoadedPlugin#index()} lists them).
     *
     * @param type the extension class, loaded (not yet initialised) by its plugin's class loader
     * @param plugin the plugin the class belongs to
     */
    record Context(Class<?> type, LoadedPlugin plugin) {

        /** Checks that neither component is null. */
        public Context {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(plugin, "plugin");
        }
    }
}
