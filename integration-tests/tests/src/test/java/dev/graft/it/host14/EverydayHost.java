package dev.graft.it.host14;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;
import dev.graft.it.host.Workload;
import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.PluginStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;

/**
 * Issue 14's host: a real host process, run by {@code EverydayLibrariesTest} in a child JVM whose
 * class path is that of a Spring Boot host: graft-loader, the shared host API, Jackson 2.17.2 with
 * jackson-module-parameter-names (listed in the host's {@code META-INF/services}), logback 1.5.6 with
 * the host's own {@code logback.xml}, and spring-boot 3.5.7, whose
 * {@code META-INF/services/ch.qos.logback.classic.spi.Configurator} names RootLogLevelConfigurator.
 * The host initialises its own logging and Jackson first, as Spring Boot does, and never touches
 * {@link java.sql.DriverManager}.
 *
 * <p>It prints each result as one line {@code @ key = value} on standard output; the test asserts
 * every line. Arguments: the plugin folder, then the scenario:
 * <ul>
 *   <li>{@code fallback-on}, {@code fallback-off}: the runtime, with host fallback on (the default)
 *       or off, creates the everyday plugin's {@link Workload} on the main thread ({@code constructor.*}:
 *       the runtime sets the context loader there). Then a new host thread, whose context loader is
 *       the host's, calls each library through the plain instance ({@code plain.*}: what a host
 *       gets without doing anything), through {@link LoadedPlugin#callWithContextLoader}
 *       ({@code callWithContextLoader.*}), and through {@link PluginRuntime#contextualExtensions}
 *       ({@code contextual.*}, whose proxies set and restore the context loader on every call).
 *       Last, the host's own Jackson and logback are reported ({@code host.*}): still the host's
 *       versions, configured by the host's files, with none of the plugin's modules or appenders.
 *   <li>{@code jdbc-plain}, {@code jdbc-context}, {@code jdbc-contextual}: only the plugin's lazy
 *       {@code everyday-jdbc} probe is created, so the JVM's first use of DriverManager is the
 *       host thread's first call, made plainly, through callWithContextLoader or through a
 *       contextual proxy ({@code jdbc.first}); then the same probe is called plainly again
 *       ({@code jdbc.second}). DriverManager loads the drivers the context loader lists once per
 *       JVM, so without Graft registering the plugin's driver when the plugin's code first runs
 *       (the probe's creation), the first call would decide for every later one.
 *   <li>{@code jdbc-host-first}: the host uses DriverManager before any plugin code runs
 *       ({@code host.drivers}: the drivers it sees, none), then calls the probe plainly.
 * </ul>
 */
public final class EverydayHost {

    private static final List<String> LIBRARIES = List.of("jackson", "logback", "h2", "ktor");

    private EverydayHost() {
    }

    /**
     * @param args the plugin folder and the scenario
     * @throws Exception if the host itself fails
     */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String scenario = args[1];
        LoggerFactory.getLogger(EverydayHost.class).warn("the host starts");
        ObjectMapper hostMapper = new ObjectMapper().findAndRegisterModules();
        boolean fallback = !scenario.equals("fallback-off");
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(folder).hostVersion("1.0.0")
                .sharedPackages("dev.graft.it.host").hostFallback(fallback).build()) {
            for (PluginStatus status : runtime.plugins()) {
                print("plugin." + status.id().orElse("?"), status.state() + (status.reason() == null || status.reason().isEmpty() ? "" : " " + status.reason()));
            }
            if (scenario.startsWith("fallback-")) {
                workloads(runtime);
            } else {
                jdbcFirst(runtime, scenario.substring("jdbc-".length()));
            }
        }
        print("host.jackson", hostJackson(hostMapper));
        print("host.logback", hostLogback());
    }

    /** The fallback-on and fallback-off scenarios. */
    private static void workloads(PluginRuntime runtime) throws Exception {
        List<Workload> workloads = runtime.extensions(Workload.class);
        print("constructor.extensions", String.valueOf(workloads.size()));
        for (Workload w : workloads) {
            for (Map.Entry<String, String> e : w.atConstruction().entrySet()) {
                print("constructor." + e.getKey(), e.getValue());
            }
        }
        onHostThread(() -> {
            print("host-thread.context", loaderName(Thread.currentThread().getContextClassLoader()));
            for (Workload w : workloads) {
                for (String library : LIBRARIES) {
                    print("plain." + library, w.run(library));
                }
            }
            for (Workload w : workloads) {
                LoadedPlugin plugin = runtime.pluginOf(w.getClass()).orElseThrow();
                for (String library : LIBRARIES) {
                    print("callWithContextLoader." + library, guarded(() -> plugin.callWithContextLoader(() -> w.run(library))));
                }
            }
            List<Workload> contextual = runtime.contextualExtensions(Workload.class);
            print("contextual.extensions", String.valueOf(contextual.size()));
            for (Workload w : contextual) {
                for (String library : LIBRARIES) {
                    print("contextual." + library, guarded(() -> w.run(library)));
                }
                print("contextual.context-after", loaderName(Thread.currentThread().getContextClassLoader()));
            }
        });
    }

    /** The jdbc-* scenarios: the first DriverManager use of the JVM happens through {@code how}. */
    private static void jdbcFirst(PluginRuntime runtime, String scenario) throws Exception {
        String how = scenario;
        if (how.equals("host-first")) { // a host that used JDBC before its plugins ran (a Spring Boot DataSource)
            print("host.drivers", String.valueOf(java.util.Collections.list(java.sql.DriverManager.getDrivers()).size()));
            how = "plain";
        }
        String call = how;
        Host host = new Host() {
            @Override
            public <T> List<T> extensions(Class<T> point) {
                return runtime.extensions(point);
            }
        };
        Probe plain = everydayJdbc(runtime.extensions(Probe.class));
        LoadedPlugin plugin = runtime.pluginOf(plain.getClass()).orElseThrow();
        onHostThread(() -> {
            print("host-thread.context", loaderName(Thread.currentThread().getContextClassLoader()));
            String first;
            switch (call) {
                case "plain":
                    first = guarded(() -> plain.report(host));
                    break;
                case "context":
                    first = guarded(() -> plugin.callWithContextLoader(() -> plain.report(host)));
                    break;
                case "contextual":
                    first = guarded(() -> everydayJdbc(runtime.contextualExtensions(Probe.class)).report(host));
                    break;
                default:
                    throw new IllegalArgumentException(call);
            }
            print("jdbc.first", first);
            print("jdbc.second", guarded(() -> plain.report(host)));
        });
    }

    private static Probe everydayJdbc(List<Probe> probes) {
        for (Probe p : probes) {
            if (p.name().equals("everyday-jdbc")) {
                return p;
            }
        }
        throw new IllegalStateException("no everyday-jdbc probe among " + probes.size());
    }

    /** Host Jackson: its own version and the modules its own services files list. */
    private static String hostJackson(ObjectMapper mapper) {
        List<String> found = new ArrayList<>();
        for (com.fasterxml.jackson.databind.Module m : ObjectMapper.findModules()) {
            found.add(m.getClass().getName() + "@" + loaderName(m.getClass().getClassLoader()));
        }
        return "jackson " + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION + " from "
                + loaderName(ObjectMapper.class.getClassLoader()) + " modules=" + mapper.getRegisteredModuleIds()
                + " found=" + found;
    }

    /**
     * Host logback: its own version, configured by the host's logback.xml, with only its own appender.
     * The root logger is read reflectively: this class compiles against the test module's SLF4J 1.7
     * API, and logback's Logger implements SLF4J 2 interfaces (at run time the host has SLF4J 2.0.13).
     */
    private static String hostLogback() throws Exception {
        Object factory = LoggerFactory.getILoggerFactory();
        LoggerContext context = (LoggerContext) factory;
        Object root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Object level = root.getClass().getMethod("getLevel").invoke(root);
        List<String> appenders = new ArrayList<>();
        int recorded = -1;
        for (Iterator<?> it = (Iterator<?>) root.getClass().getMethod("iteratorForAppenders").invoke(root); it.hasNext();) {
            Appender<?> a = (Appender<?>) it.next();
            appenders.add(a.getName() + ":" + a.getClass().getName() + "@" + loaderName(a.getClass().getClassLoader()));
            if (a instanceof ListAppender<?> list) {
                recorded = list.list.size();
            }
        }
        return "logback " + LoggerContext.class.getPackage().getImplementationVersion() + " from "
                + loaderName(LoggerContext.class.getClassLoader()) + " config=" + context.getProperty("everyday.config")
                + " root=" + level + " appenders=" + appenders + " recorded=" + recorded;
    }

    /** Runs the action on a new thread, created here, so with the host's context loader, and waits. */
    private static void onHostThread(ThrowingRunnable action) throws Exception {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                action.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "host-worker");
        thread.start();
        thread.join();
        if (failure[0] != null) {
            print("host-thread.failure", describe(failure[0]));
        }
    }

    private static String guarded(Callable<String> call) {
        try {
            return call.call();
        } catch (Throwable t) {
            return "error " + describe(t);
        }
    }

    private static String loaderName(ClassLoader loader) {
        return loader == null ? "bootstrap" : loader.getName();
    }

    private static String describe(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (b.length() > 0) {
                b.append(" <- ");
            }
            b.append(c.getClass().getName()).append(": ").append(c.getMessage());
        }
        return b.toString().replace('\n', ' ');
    }

    private static synchronized void print(String key, String value) {
        System.out.println("@ " + key + " = " + value);
        System.out.flush();
    }

    private interface ThrowingRunnable {
        void run() throws Throwable;
    }
}
