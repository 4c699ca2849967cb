package dev.graft.loader.leak;

import dev.graft.loader.classloading.PluginClassLoader;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Deregisters the JDBC drivers that an unloaded plugin's loaders defined: {@code DriverManager}
 * holds every registered driver strongly, and with it the driver's loader, for the JVM's life.
 *
 * <p>{@code DriverManager.getDrivers} and {@code deregisterDriver} serve only a caller whose loader
 * sees the driver's class (the check is {@code Class.forName(driver, caller's loader) ==
 * driver's class}), and Graft's own classes see none of a plugin's. So, as Tomcat does for a web
 * application, a copy of {@link DriverDeregistrar} is defined in each of the plugin's loaders
 * ({@link PluginClassLoader#defineCopy}) and called there: the classes loader sees the drivers of
 * the plugin's classes, the library loader those of its {@code lib/} jars. The copies go with the
 * loaders. No JDK API deregisters a driver for another caller, and reaching into
 * {@code DriverManager}'s fields would need {@code --add-opens java.sql/java.sql}.
 */
final class JdbcLeaks {

    private JdbcLeaks() {
    }

    /**
     * @param loaders the unloaded plugin's loaders
     * @param findings where what was deregistered, and what could not be, is told
     */
    static void deregister(List<PluginClassLoader> loaders, Findings findings) {
        Collection<ClassLoader> all = new ArrayList<>(loaders);
        for (PluginClassLoader loader : loaders) {
            if (!mayHaveDrivers(loader)) {
                continue;
            }
            try {
                @SuppressWarnings("unchecked")
                List<String> done = (List<String>) loader.defineCopy(DriverDeregistrar.class)
                        .getMethod("deregister", Collection.class).invoke(null, all);
                for (String driver : done) {
                    int failed = driver.indexOf(": ");
                    if (failed < 0) {
                        findings.cleaned("deregistered the JDBC driver " + driver + " that it registered");
                    } else {
                        findings.holder("the JDBC driver " + driver.substring(0, failed)
                                + " is still registered: DriverManager refused to deregister it ("
                                + driver.substring(failed + 2) + ")", null);
                    }
                }
            } catch (InvocationTargetException e) {
                findings.holder("the JDBC drivers of " + loader.getName() + " were not checked: " + e.getCause(), null);
            } catch (ReflectiveOperationException | java.io.IOException | LinkageError | RuntimeException e) {
                findings.holder("the JDBC drivers of " + loader.getName() + " were not checked: " + e, null);
            }
        }
    }

    /**
     * Whether a loader may have defined a registered driver: only if it ever resolved
     * {@code java.sql.Driver} (a class implementing it, a proxy of it) or {@code java.sql.DriverManager}
     * (code that registers a driver, a subclass of another loader's driver included); the JVM
     * records every class a loader resolved. Most plugins did neither, and pay nothing more.
     */
    private static boolean mayHaveDrivers(PluginClassLoader loader) {
        return loader.hasLoaded("java.sql.Driver") || loader.hasLoaded("java.sql.DriverManager");
    }
}
