package dev.graft.bench;

import bench.spring.Greeter;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.pf4j.spring.SpringPluginManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One Spring Boot start-up, in a fresh JVM: {@code SpringChild <peer> <plugin folder> <n>}. Starts a
 * Spring Boot web host ({@code server.port=0}) that gets its plugins' beans the peer's way, then
 * prints {@code RESULT ms=... run=... classes=... heap=... greeters=... beans=... endpoints=...}:
 * {@code ms} from the JVM's start to {@link SpringApplication#run} returning (context refreshed,
 * web server listening), {@code run} that call alone; the classes loaded and the used heap after
 * two collections, both read once the host is ready. Exits with 1 unless every plugin's three beans
 * exist, each {@link Greeter} answers, every plugin's endpoint is mapped, and the last one answers
 * over HTTP. Runs on the class path {@link SpringStartup} gives it, without this module's jars.
 */
public final class SpringChild {

    /** The package of every generated plugin's classes: {@code bench.plugin.p000}, ... */
    static final String PLUGIN_PACKAGE = "bench.plugin.";

    private SpringChild() {
    }

    /** @return the id (and last package segment) of plugin {@code i}: {@code p000}, {@code p001}, ... */
    static String pluginId(int i) {
        return String.format("p%03d", i);
    }

    /** The flat class path (Lavalink's model): the host component-scans every plugin's package. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @ComponentScan("${bench.scan}")
    static class Flat {
    }

    /** Graft: graft-spring-boot-starter's auto-configuration loads {@code graft.plugins.directory}. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Graft {
    }

    /** pf4j-spring: its {@code SpringPluginManager} bean, whose {@code @PostConstruct} injects the extensions. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Pf4jSpring {
        @Bean
        SpringPluginManager pluginManager(@Value("${bench.plugins}") String folder) {
            return new SpringPluginManager(Path.of(folder));
        }
    }

    /**
     * @param args peer ({@code FLAT}, {@code GRAFT}, {@code GRAFT_SHARED}, {@code PF4J_SPRING}), plugin folder, n
     * @throws Exception if the host does not start
     */
    public static void main(String[] args) throws Exception {
        long mainStart = System.currentTimeMillis();
        String folder = args[1];
        int n = Integer.parseInt(args[2]);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        Class<?> host = switch (args[0]) {
            case "FLAT" -> {
                properties.put("bench.scan", IntStream.range(0, n).mapToObj(i -> PLUGIN_PACKAGE + pluginId(i))
                        .collect(Collectors.joining(",")));
                yield Flat.class;
            }
            case "GRAFT", "GRAFT_SHARED" -> {
                properties.put("graft.plugins.directory", folder);
                properties.put("graft.host-version", "1.0.0");
                if (args[0].equals("GRAFT")) {
                    properties.put("graft.shared-packages", "bench.spring");
                } else { // its own library cache, so that its first start is one too
                    properties.put("graft.shared-packages", "bench.spring,com.fasterxml.jackson.*,kotlin.*");
                    properties.put("graft.cache-directory", Path.of(folder).resolveSibling("graft-shared-cache"));
                }
                yield Graft.class;
            }
            case "PF4J_SPRING" -> {
                properties.put("bench.plugins", folder);
                yield Pf4jSpring.class;
            }
            default -> throw new IllegalArgumentException("peer " + args[0]);
        };
        SpringApplication application = new SpringApplication(host);
        application.setDefaultProperties(properties);
        var steps = SpringChildSteps.install(application);

        ConfigurableApplicationContext context = application.run();

        long ready = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long heap = usedHeapAfterGc();
        Map<String, Greeter> greeters = context.getBeansOfType(Greeter.class);
        long answering = greeters.values().stream().filter(g -> g.greet("bench").contains("\"plugin\":\"p")).count();
        long beans = java.util.Arrays.stream(context.getBeanNamesForType(Object.class)).map(context::getType)
                .filter(t -> t != null && t.getName().startsWith(PLUGIN_PACKAGE)).count();
        long endpoints = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods().values().stream()
                .filter(m -> m.getBeanType().getName().startsWith(PLUGIN_PACKAGE)).count();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String answer = get("http://localhost:" + port + "/" + pluginId(n - 1) + "/hello");
        System.out.printf("RESULT peer=%s ms=%d run=%d classes=%d heap=%d greeters=%d beans=%d endpoints=%d%s%n",
                args[0], ready - jvmStart, ready - mainStart, classes, heap, greeters.size(), beans, endpoints,
                SpringChildSteps.summary(steps));
        boolean ok = greeters.size() == n && answering == n && beans == 3L * n && endpoints == n
                && answer.equals("200 " + pluginId(n - 1));
        if (!ok) {
            System.err.printf("%s: %d Greeter beans (%d answering), %d plugin beans, %d endpoints, HTTP answer %s;"
                    + " expected %d, %d, %d, %d%n", args[0], greeters.size(), answering, beans, endpoints, answer, n, n,
                    3 * n, n);
        }
        System.exit(ok ? 0 : 1);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(10);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String get(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            try (var in = connection.getInputStream()) {
                return connection.getResponseCode() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
