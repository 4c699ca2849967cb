package dev.graft.it.everyday;

import dev.graft.Extension;
import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;

/**
 * H2 through {@link java.sql.DriverManager} with nothing done in the constructor: the host's first
 * call of {@link #report(Host)} is then the JVM's first use of DriverManager, so which drivers it
 * ever loads from {@code META-INF/services/java.sql.Driver} is decided by the context loader of the
 * thread the host calls it on. The runs that use this probe create no {@link EverydayWorkload}.
 */
@Extension
public final class JdbcProbe implements Probe {

    @Override
    public String name() {
        return "everyday-jdbc";
    }

    @Override
    public String report(Host host) {
        return Libraries.use("h2", "report");
    }
}
