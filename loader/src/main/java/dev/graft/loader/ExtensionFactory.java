package dev.graft.loader;

/**
 * Creates extension instances. The default calls the public no-argument constructor; a host that
 * uses dependency injection supplies its own, for example {@code type -> beanFactory.createBean(type)}.
 * Graft calls it at most once per extension class and plugin, with the thread context class loader
 * set to the plugin's loader.
 */
@FunctionalInterface
public interface ExtensionFactory {

    /** Calls the public no-argument constructor. */
    ExtensionFactory CONSTRUCTOR = new ExtensionFactory() {
        @Override
        public Object create(Class<?> type) throws Exception {
            return type.getConstructor().newInstance();
        }

        @Override
        public String toString() {
            return "the public no-argument constructor";
        }
    };

    /**
     * Creates an instance of an extension class.
     *
     * @param type the extension class, loaded by its plugin's class loader
     * @return the new instance, never {@code null}
     * @throws Exception if the instance cannot be created; Graft reports it with the plugin and the
     *     class and skips the extension
     */
    Object create(Class<?> type) throws Exception;
}
