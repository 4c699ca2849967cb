package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.TestPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symbolic link anywhere in an exploded plugin that leads outside it is refused: {@code classes/}
 * itself, a file in it, {@code lib/}, a jar in it, {@code plugin.properties}; so is a file swapped
 * for such a link after the plugin was loaded. A link that stays inside the plugin is followed.
 */
class ExplodedPluginLinksTest {

    @TempDir
    Path tmp;
    private Path plugins;
    private Path outside;
    private Path secret;

    @BeforeEach
    void folders() throws IOException {
        plugins = Files.createDirectories(tmp.resolve("plugins"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        secret = Files.writeString(outside.resolve("secret.txt"), "host secret");
        try {
            Files.delete(Files.createSymbolicLink(tmp.resolve("probe"), secret));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not supported here: " + e);
        }
    }

    private Path exploded(String id) {
        return new Plugins(tmp).plugin(id).java(id + ".Hello", greeter(id + ".Hello", "hello from " + id))
                .extension(GREETER, id + ".Hello", 0).resource("res.txt", "mine").directory(plugins);
    }

    private Path libJar(String name) {
        return TestPlugin.Jars.write(tmp.resolve(name), Map.of("libz/data.txt", "lib".getBytes(StandardCharsets.UTF_8)),
                null);
    }

    private PluginRuntime runtime() {
        return PluginRuntime.builder().pluginDirectory(plugins).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    private String failure(String id) {
        try (PluginRuntime runtime = runtime()) {
            PluginStatus s = runtime.plugins().stream().filter(p -> p.name().equals(id)).findFirst().orElseThrow();
            assertEquals(PluginState.FAILED, s.state(), s.toString());
            return s.reason();
        }
    }

    /** Moves {@code inside} out of the plugin and leaves a link to it in its place. */
    private Path moveOutAndLink(Path inside, String outsideName) throws IOException {
        Path target = Files.move(inside, outside.resolve(outsideName));
        Files.createSymbolicLink(inside, target);
        return target;
    }

    @Test
    void classesLinkedOutsideThePluginAreRefused() throws Exception {
        Path dir = exploded("linked");
        Path target = moveOutAndLink(dir.resolve("classes"), "classes");
        assertEquals("linked/classes is a symbolic link that leads outside the plugin, to " + target.toRealPath(),
                failure("linked"));
    }

    @Test
    void aFileInClassesLinkedOutsideIsRefused() throws Exception {
        Path dir = exploded("linked");
        Files.createSymbolicLink(dir.resolve("classes/leak.txt"), secret);
        assertEquals("linked/classes/leak.txt is a symbolic link that leads outside the plugin, to " + secret.toRealPath(),
                failure("linked"));
    }

    @Test
    void libLinkedOutsideThePluginIsRefused() throws Exception {
        Path dir = exploded("linked");
        Path lib = Files.createDirectories(outside.resolve("lib"));
        Files.copy(libJar("l.jar"), lib.resolve("l.jar"));
        Files.createSymbolicLink(dir.resolve("lib"), lib);
        assertEquals("linked/lib is a symbolic link that leads outside the plugin, to " + lib.toRealPath(),
                failure("linked"));
    }

    @Test
    void aJarInLibLinkedOutsideThePluginIsRefused() throws Exception {
        Path dir = exploded("linked");
        Path jar = Files.copy(libJar("l.jar"), outside.resolve("l.jar"));
        Files.createSymbolicLink(Files.createDirectories(dir.resolve("lib")).resolve("l.jar"), jar);
        assertEquals("linked/lib/l.jar is a symbolic link that leads outside the plugin, to " + jar.toRealPath(),
                failure("linked"));
    }

    @Test
    void aBrokenLinkInLibIsNamed() throws Exception {
        Path dir = exploded("broken");
        Path nowhere = outside.resolve("gone.jar");
        Files.createSymbolicLink(Files.createDirectories(dir.resolve("lib")).resolve("gone.jar"), nowhere);
        assertEquals("broken/lib/gone.jar is a broken symbolic link, to " + nowhere, failure("broken"));
    }

    @Test
    void pluginPropertiesLinkedOutsideThePluginAreRefused() throws Exception {
        Path dir = Files.createDirectories(plugins.resolve("legacy/classes"));
        Path properties = Files.writeString(outside.resolve("plugin.properties"),
                "plugin.id=legacy\nplugin.version=1.0.0\n");
        Files.createSymbolicLink(dir.getParent().resolve("plugin.properties"), properties);
        assertEquals("legacy/plugin.properties is a symbolic link that leads outside the plugin, to "
                + properties.toRealPath(), failure("legacy"));
    }

    @Test
    void aLinkThatStaysInsideThePluginIsFollowed() throws Exception {
        Path dir = exploded("inner");
        Path data = Files.writeString(Files.createDirectories(dir.resolve("data")).resolve("real.txt"), "inside");
        Files.createSymbolicLink(dir.resolve("classes/alias.txt"), data);
        try (PluginRuntime runtime = runtime()) {
            assertEquals(List.of("hello from inner"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
            ClassLoader loader = runtime.plugin("inner").orElseThrow().classLoader();
            try (InputStream in = loader.getResourceAsStream("alias.txt")) {
                assertEquals("inside", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aFileSwappedForALinkAfterLoadingIsNotFollowedOutside() throws Exception {
        Path dir = exploded("swapped");
        try (PluginRuntime runtime = runtime()) {
            ClassLoader loader = runtime.plugin("swapped").orElseThrow().classLoader();
            URL url = loader.getResource("res.txt");
            Path res = dir.resolve("classes/res.txt");
            Files.delete(res);
            Files.createSymbolicLink(res, secret);
            IOException e = assertThrows(IOException.class, () -> url.openStream().close());
            assertEquals("swapped/classes/res.txt is a symbolic link that leads outside the plugin, to "
                    + secret.toRealPath(), e.getMessage());
            assertNull(loader.getResourceAsStream("res.txt"), "nothing is read through the link");

            Path hello = dir.resolve("classes/swapped/Hello.class");
            Path elsewhere = Files.move(hello, outside.resolve("Hello.class"));
            Files.createSymbolicLink(hello, elsewhere);
            ClassNotFoundException c = assertThrows(ClassNotFoundException.class, () -> loader.loadClass("swapped.Hello"));
            assertTrue(c.getMessage().contains("swapped/classes/swapped/Hello.class is a symbolic link that leads outside"
                    + " the plugin"), c.getMessage());
        }
    }
}
