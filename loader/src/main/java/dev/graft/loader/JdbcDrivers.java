package dev.graft.loader;

import dev.graft.loader.classloading.PluginClassLoader;
import java.sql.Driver;
import java.util.ServiceLoader;

/**
 * Registers the JDBC drivers a plugin bundles, the first time its code runs.
 *
 * <p>{@link java.sql.DriverManager} looks its drivers up through {@link ServiceLoader} once per JVM,
 * with the context loader of the first thread that uses it; a driver of a plugin is found only if
 * that thread happened to run in the plugin's context. Every driver registers itself when its class
 * is initialised, so Graft initialises the driver classes that the plugin's own
 * {@code META-INF/services/java.sql.Driver} files name, defined by the plugin's loaders. Then
 * {@code DriverManager.getConnection} from the plugin's code works on any thread, whoever used JDBC
 * first: {@code DriverManager} serves a caller the drivers whose class its own loader sees. A
 * driver that cannot be loaded or initialised is logged with the plugin, and the plugin goes on
 * (the drivers listed after it are not registered). At unload every driver the plugin's loaders
 * defined is deregistered from inside those loaders ({@code dev.graft.loader.leak.JdbcLeaks}).
 */
final class JdbcDrivers {

    private static final String SERVICES = "META-INF/services/java.sql.Driver";

    private JdbcDrivers() {
    }

    static void register(PluginClassLoader plugin) {
        if (!plugin.ownResources(SERVICES).hasMoreElements()) {
            return; // no driver of its own: not even the host's providers are looked at
        }
        try {
            for (ServiceLoader.Provider<Driver> provider : (Iterable<ServiceLoader.Provider<Driver>>)
                    ServiceLoader.load(Driver.class, plugin).stream()::iterator) {
                Class<?> type = provider.type();
                if (type.getClassLoader() instanceof PluginClassLoader own && own.pluginId().equals(plugin.pluginId())) {
                    Class.forName(type.getName(), true, own); // its static initialiser registers it
                }
            }
        } catch (Throwable e) { // a bad services file, a driver class that is missing or throws: the plugin's fault
            Containment.rethrowIfFatal(e);
            Log.log(System.Logger.Level.WARNING, "plugin '" + plugin.pluginId() + "': the JDBC drivers it lists in "
                    + SERVICES + " could not all be registered: " + e, e);
        }
    }
}
