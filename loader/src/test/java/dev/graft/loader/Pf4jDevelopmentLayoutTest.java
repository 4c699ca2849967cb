package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.TestPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pf4j's development layout: a plugin project folder with {@code plugin.properties}, its classes
 * in {@code target/classes} and its libraries in {@code target/lib}, as Maven builds them. It loads
 * its classes; without any classes it fails saying what is missing, never LOADED with no points.
 */
class Pf4jDevelopmentLayoutTest {

    @TempDir
    Path tmp;

    @Test
    void aProjectFolderLoadsItsTargetClassesAndTargetLib() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Path project = Files.createDirectories(dir.resolve("dev-plugin"));
        Files.writeString(project.resolve("plugin.properties"), "plugin.id=dev\nplugin.version=0.1.0\n");
        Path lib = TestPlugin.Jars.write(tmp.resolve("words.jar"), TestPlugin.in(tmp, "words")
                .java("words.Words", "package words; public class Words { public static String hi() { return \"hi from lib\"; } }")
                .classEntries(), null);
        Files.createDirectories(project.resolve("target/lib"));
        Files.copy(lib, project.resolve("target/lib/words.jar"));
        TestPlugin.in(tmp, "dev").classpath(lib)
                .java("dev.Hi", "package dev; @org.pf4j.Extension public class Hi implements dev.graft.loader.fixture.api.Greeter {"
                        + " public String greet() { return words.Words.hi(); } }")
                .java("org.pf4j.Extension", "package org.pf4j; public @interface Extension { int ordinal() default 0; }")
                .resource("META-INF/extensions.idx", "dev.Hi\n")
                .classEntries().forEach((name, bytes) -> {
                    try {
                        Path f = project.resolve("target/classes").resolve(name);
                        Files.createDirectories(f.getParent());
                        Files.write(f, bytes);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build()) {
            assertEquals(PluginState.LOADED, runtime.plugins().get(0).state(), runtime.plugins().toString());
            assertEquals(List.of("hi from lib"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
        }
    }

    @Test
    void aProjectFolderWithNoClassesFailsSayingWhatIsMissing() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Path project = Files.createDirectories(dir.resolve("unbuilt"));
        Files.writeString(project.resolve("plugin.properties"), "plugin.id=unbuilt\nplugin.version=0.1.0\n");
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0").build()) {
            PluginStatus status = runtime.plugins().get(0);
            assertEquals(PluginState.FAILED, status.state());
            assertEquals("unbuilt/ has plugin.properties but no classes: expected classes/ or lib/ (a plugin zip's layout,"
                    + " unpacked) or, in pf4j's development layout, target/classes/ (and target/lib/), found none; build the"
                    + " plugin first", status.reason());
        }
    }
}
