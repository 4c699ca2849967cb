package dev.graft.example.spring.host;

import dev.graft.example.spring.api.Greeter;
import dev.graft.example.spring.api.HostInfo;
import dev.graft.loader.ExtensionStatus;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.PluginStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot web host whose plugins are Spring beans. With graft-spring-boot-starter on its
 * class path and {@code graft.*} in its {@code application.yml}, it has nothing of Graft's to
 * write: the plugins' extensions are beans of its context, their endpoints are served by its web
 * server. This class only prints what it loaded, calls the plugin's endpoint over HTTP, and exits
 * ({@code --example.keep-running=true} keeps serving).
 */
@SpringBootApplication
public class ExampleSpringHost {

    /** @return the bean plugin beans receive by constructor injection */
    @Bean
    public HostInfo hostInfo() {
        return new HostInfo("the Spring example host");
    }

    /**
     * Starts the host, prints its plugins and extensions and one call to the plugin's endpoint.
     *
     * @param args Spring Boot arguments, such as {@code --graft.plugins.directory=...}
     * @throws Exception if the host cannot start or the call fails
     */
    public static void main(String[] args) throws Exception {
        List<String> lines = new ArrayList<>();
        ConfigurableApplicationContext context = start(args);
        try {
            lines.addAll(report(context));
        } finally {
            if (!context.getEnvironment().getProperty("example.keep-running", Boolean.class, false)) {
                context.close();
            }
        }
        lines.forEach(System.out::println);
    }

    /**
     * @param args Spring Boot arguments
     * @return the running host, its plugin folder by default {@code plugins/} beside the jar
     */
    static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(ExampleSpringHost.class);
        Path home = new ApplicationHome(ExampleSpringHost.class).getDir().toPath();
        app.setDefaultProperties(Map.of("graft.plugins.directory", home.resolve("plugins").toString()));
        return app.run(args);
    }

    /**
     * @param context the running host
     * @return what it prints: plugins, the Greeter point's extensions, and one HTTP call
     * @throws Exception if the call fails
     */
    static List<String> report(ConfigurableApplicationContext context) throws Exception {
        PluginRuntime runtime = context.getBean(PluginRuntime.class);
        List<String> lines = new ArrayList<>();
        lines.add("Plugins:");
        for (PluginStatus p : runtime.plugins()) {
            lines.add(String.format("  %-9s %-16s %-8s %s", p.id().orElse("?"), p.version().map(Object::toString).orElse(""),
                    p.state(), p.source().getFileName()));
        }
        lines.add("");
        lines.add("Greeter beans:");
        for (ExtensionStatus e : runtime.describe(Greeter.class)) {
            lines.add(String.format("  %-8s %s (plugin %s)", e.state(), e.className(), e.pluginId()));
            if (e.reason() != null && !e.reason().isEmpty()) {
                lines.add("           reason: " + e.reason());
            }
        }
        String port = context.getEnvironment().getProperty("local.server.port");
        URI uri = URI.create("http://localhost:" + port + "/greeting?name=reader");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        lines.add("");
        lines.add("GET /greeting?name=reader -> " + response.statusCode() + " " + response.body());
        return lines;
    }
}
