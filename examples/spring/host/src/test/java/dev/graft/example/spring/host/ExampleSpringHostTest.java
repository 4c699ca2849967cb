package dev.graft.example.spring.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring example host on the plugin the build packaged: what README.md shows it printing. */
class ExampleSpringHostTest {

    @Test
    void theHostServesThePluginsEndpointAndSkipsTheExtensionWithoutItsDependency() throws Exception {
        ConfigurableApplicationContext context = ExampleSpringHost.start(
                "--graft.plugins.directory=" + System.getProperty("example.plugins"));
        try {
            List<String> lines = ExampleSpringHost.report(context);
            assertEquals("Plugins:", lines.get(0));
            assertEquals(List.of("greeting", "0.1.0-SNAPSHOT", "LOADED", "graft-example-spring-greeting-0.1.0-SNAPSHOT.zip"),
                    List.of(lines.get(1).trim().split("\\s+")));
            assertEquals(List.of("", "Greeter beans:",
                    "  ACTIVE   dev.graft.example.spring.greeting.FriendlyGreeter (plugin greeting)",
                    "  SKIPPED  dev.graft.example.spring.greeting.TranslatedGreeter (plugin greeting)",
                    "           reason: needs plugin 'translate'@^1.0.0, which is not installed", "",
                    "GET /greeting?name=reader -> 200 Hello, reader! (plugin 'greeting', served by the Spring example host)"),
                    lines.subList(2, lines.size()));
            assertFalse(context.containsBean("greeting/dev.graft.example.spring.greeting.TranslatedGreeter"));
        } finally {
            context.close();
        }
    }
}
