package dev.graft.loader.leak;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Deregisters the JDBC drivers that a plugin's loaders defined. Never run as Graft's own class:
 * {@link JdbcLeaks} defines a copy of it in each loader of the unloaded plugin and calls the copy,
 * because {@link DriverManager} lists and deregisters a driver only for a caller whose class loader
 * sees that driver's class, as Tomcat's {@code JdbcLeakPrevention} does in a web application's
 * loader. So it refers to nothing but the JDK.
 */
public final class DriverDeregistrar {

    private DriverDeregistrar() {
    }

    /**
     * @param loaders the loaders whose drivers go
     * @return for each driver, its class name, followed by {@code ": "} and the reason if
     *     {@link DriverManager#deregisterDriver} refused it
     */
    public static List<String> deregister(Collection<ClassLoader> loaders) {
        List<String> done = new ArrayList<>();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (loaders.contains(driver.getClass().getClassLoader())) {
                try {
                    DriverManager.deregisterDriver(driver);
                    done.add(driver.getClass().getName());
                } catch (SQLException | RuntimeException e) {
                    done.add(driver.getClass().getName() + ": " + e);
                }
            }
        }
        return done;
    }
}
