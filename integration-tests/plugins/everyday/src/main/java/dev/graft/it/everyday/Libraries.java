package dev.graft.it.everyday;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import io.ktor.client.HttpClient;
import io.ktor.client.HttpClientJvmKt;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import kotlin.Unit;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Each library used the way its own documentation shows, from plugin code. Every use returns one
 * line: what the library did, with the class loader of the classes it used, or the error it threw.
 */
final class Libraries {

    /** The libraries, in the order they are used and reported. */
    static final List<String> NAMES = List.of("jackson", "logback", "h2", "ktor");

    static final String JDBC_URL = "jdbc:h2:mem:everyday";

    private Libraries() {
    }

    /**
     * @param library one of {@link #NAMES}
     * @param caller who uses it, logged by the logback case
     * @return the library's result, or {@code error <Throwable>: <message>}
     */
    static String use(String library, String caller) {
        try {
            switch (library) {
                case "jackson":
                    return jackson();
                case "logback":
                    return logback(caller);
                case "h2":
                    return h2();
                case "ktor":
                    return ktor();
                default:
                    throw new IllegalArgumentException("no library " + library);
            }
        } catch (Throwable t) { // ServiceConfigurationError and NoClassDefFoundError included: they are the findings
            return "error " + describe(t);
        }
    }

    /**
     * {@code findAndRegisterModules()} looks modules up with {@code ServiceLoader.load(Module.class)},
     * that is through the thread context loader. JavaTimeModule must be found (the date is then
     * written as an ISO string, not refused), and no module of the host's Jackson may be named: a
     * host provider is not a subtype of the plugin's Module, and ServiceLoader throws.
     */
    private static String jackson() throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        String date = mapper.writeValueAsString(LocalDate.of(2024, 5, 1));
        List<String> found = new ArrayList<>();
        for (Module m : ObjectMapper.findModules()) { // the lookup findAndRegisterModules() made, to name each loader
            found.add(m.getClass().getName() + "@" + loaderOf(m.getClass()));
        }
        return "jackson " + PackageVersion.VERSION + " from " + loaderOf(ObjectMapper.class)
                + " modules=" + mapper.getRegisteredModuleIds() + " found=" + found + " date=" + date;
    }

    /**
     * SLF4J finds logback through ServiceLoader on its own loader, and logback finds its
     * configurators the same way, then its configuration file ({@code logback.xml}) through its
     * own loader's resources, then instantiates the appender class that file names. The plugin's
     * file sets a context property, the root level and {@link RecordingAppender}; the host's file
     * sets other values, and Spring Boot's RootLogLevelConfigurator, listed in the host's
     * {@code META-INF/services}, would set the root level to INFO.
     */
    private static String logback(String caller) {
        LoggerFactory.getLogger(Libraries.class).info("logged from {}", caller);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            return "slf4j bound to " + factory.getClass().getName() + " from " + loaderOf(factory.getClass());
        }
        LoggerContext context = (LoggerContext) factory;
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<String> appenders = new ArrayList<>();
        for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext();) {
            Appender<?> a = it.next();
            appenders.add(a.getName() + ":" + a.getClass().getName() + "@" + loaderOf(a.getClass()));
        }
        List<String> errors = new ArrayList<>();
        for (Status s : context.getStatusManager().getCopyOfStatusList()) {
            if (s.getLevel() == Status.ERROR) {
                errors.add(s.getMessage() + (s.getThrowable() == null ? "" : " (" + describe(s.getThrowable()) + ")"));
            }
        }
        List<String> events = RecordingAppender.events();
        return "logback " + LoggerContext.class.getPackage().getImplementationVersion() + " from "
                + loaderOf(LoggerContext.class) + " config=" + context.getProperty("everyday.config")
                + " root=" + root.getLevel() + " appenders=" + appenders + " recorded=" + events.size()
                + (events.isEmpty() ? "" : " last=" + events.get(events.size() - 1))
                + (errors.isEmpty() ? "" : " errors=" + errors);
    }

    /**
     * {@link DriverManager#getConnection(String)} admits a registered driver only if the caller's
     * loader (this plugin's) resolves the driver's class name to the same class; drivers are
     * registered by their own static initialiser, which DriverManager triggers once per JVM, on its
     * first use, for the drivers that {@code ServiceLoader.load(Driver.class)} finds through the
     * thread context loader of that moment.
     */
    private static String h2() throws Exception {
        try (Connection c = DriverManager.getConnection(JDBC_URL); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select 1+1")) {
            r.next();
            DatabaseMetaData meta = c.getMetaData();
            return "h2 " + meta.getDatabaseProductVersion() + " from " + loaderOf(c.getClass())
                    + " select 1+1 = " + r.getInt(1);
        }
    }

    /**
     * Ktor's {@code HttpClient()} without an engine takes the first {@code HttpClientEngineContainer}
     * that {@code ServiceLoader.load(type, type.getClassLoader())} finds: the library loader's own,
     * whatever the thread.
     */
    private static String ktor() throws Exception {
        HttpClient client = HttpClientJvmKt.HttpClient(config -> Unit.INSTANCE);
        try {
            Class<?> engine = client.getEngine().getClass();
            return "ktor engine " + engine.getName() + " from " + loaderOf(engine);
        } finally {
            client.close();
        }
    }

    private static String loaderOf(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null ? "bootstrap" : loader.getName();
    }

    /** The throwable and its causes, each as "SimpleName: message", joined by " <- ". */
    static String describe(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (b.length() > 0) {
                b.append(" <- ");
            }
            b.append(c.getClass().getName()).append(": ").append(c.getMessage());
        }
        return b.toString().replace('\n', ' ');
    }
}
