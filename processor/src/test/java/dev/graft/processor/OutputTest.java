package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.graft.processor.Fixtures.INDEX_HEADER;
import static dev.graft.processor.Fixtures.JAVA;
import static dev.graft.processor.Fixtures.MANIFEST_HEADER;
import static dev.graft.processor.Fixtures.compile;
import static dev.graft.processor.Fixtures.extension;
import static dev.graft.processor.Fixtures.index;
import static dev.graft.processor.Fixtures.manifest;
import static dev.graft.processor.Fixtures.plugin;
import static dev.graft.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index and the manifest the processor writes for valid sources. */
class OutputTest {

    private static final JavaFileObject GREETER = source("test.api.Greeter",
            "package test.api;", "@dev.graft.ExtensionPoint", "public interface Greeter {}");

    /** A plugin using every feature: several points and extensions, ordinals, nesting, dependencies. */
    private static List<JavaFileObject> richPlugin() {
        return List.of(
                plugin("id = \"p\", requires = \"^4.0.0\", dependencies = {\"lyrics?@^2.0.0\", \"base@>=1.0.0 <3.0.0\"},"
                        + " exports = {\"test.api\", \"test.spi.*\"}"),
                GREETER,
                source("test.api.Filter", "package test.api;", "@dev.graft.ExtensionPoint",
                        "public abstract class Filter {}"),
                source("test.Listener", "package test;", "public interface Listener {}"),
                extension("Hello", "@Extension", "public class Hello implements test.api.Greeter {}"),
                extension("Multi", "@Extension(ordinal = -1)",
                        "public class Multi extends test.api.Filter implements test.api.Greeter {}"),
                source("test.Outer", "package test;", "public class Outer {",
                        "    @dev.graft.Extension(ordinal = 10, dependency = {\"search@^1.0.0\", \"base@^2.0.0\"})",
                        "    public static final class Nested implements test.api.Greeter {}", "}"),
                extension("Plain", "@Extension", "public class Plain implements Listener, java.io.Serializable {}"),
                extension("Explicit", "@Extension(points = Runnable.class)",
                        "public class Explicit implements Runnable { public void run() {} }"));
    }

    @Test
    void writesTheIndexAndTheManifest() {
        Compilation compilation = compile(richPlugin().toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(INDEX_HEADER
                + "\n"
                + "point java.lang.Runnable\n"
                + "  extension test.Explicit ordinal=0\n"
                + "\n"
                + "point test.Listener\n"
                + "  extension test.Plain ordinal=0\n"
                + "\n"
                + "point test.api.Filter\n"
                + "  extension test.Multi ordinal=-1\n"
                + "\n"
                + "point test.api.Greeter\n"
                + "  extension test.Multi ordinal=-1\n"
                + "  extension test.Hello ordinal=0\n"
                + "  extension test.Outer$Nested ordinal=10\n"
                + "    dependency base@^2.0.0\n"
                + "    dependency search@^1.0.0\n", index(compilation));
        assertEquals(MANIFEST_HEADER
                + "id p\n"
                + "version 1.0.0\n"
                + "requires ^4.0.0\n"
                + JAVA
                + "dependency base@>=1.0.0 <3.0.0\n"
                + "dependency lyrics?@^2.0.0\n"
                + "dependency search?\n"
                + "export test.api\n"
                + "export test.spi.*\n", manifest(compilation));
    }

    @Test
    void writesAnEmptyIndexForAPluginWithoutExtensions() {
        Compilation compilation = compile(plugin("id = \"p\""), GREETER);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(INDEX_HEADER, index(compilation));
        assertEquals(MANIFEST_HEADER + "id p\nversion 1.0.0\n" + JAVA, manifest(compilation));
    }

    @Test
    void theOutputDoesNotDependOnTheOrderOfSources() {
        List<JavaFileObject> reversed = new ArrayList<>(richPlugin());
        Collections.reverse(reversed);
        List<JavaFileObject> rotated = new ArrayList<>(richPlugin());
        Collections.rotate(rotated, 3);
        byte[][] first = outputBytes(richPlugin());
        for (List<JavaFileObject> order : List.of(reversed, rotated)) {
            byte[][] other = outputBytes(order);
            assertArrayEquals(first[0], other[0], "the index");
            assertArrayEquals(first[1], other[1], "the manifest");
        }
    }

    private static byte[][] outputBytes(List<JavaFileObject> sources) {
        Compilation compilation = compile(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        return new byte[][] {bytes(compilation, IndexFormat.PATH), bytes(compilation, ManifestFormat.PATH)};
    }

    private static byte[] bytes(Compilation compilation, String path) {
        try (InputStream in = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path).orElseThrow()
                .openInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void indexesAnExtensionGeneratedInAnEarlierRound() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new GeneratesSources().inRound(1, "test.Generated", "package test;\n"
                        + "@dev.graft.Extension(ordinal = 5)\npublic class Generated implements test.api.Greeter {}\n"),
                        new GraftProcessor())
                .withOptions("-Agraft.version=1.0.0")
                .compile(plugin("id = \"p\""), GREETER, extension("Hello", "@Extension",
                        "public class Hello implements test.api.Greeter {}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(INDEX_HEADER + "\npoint test.api.Greeter\n"
                + "  extension test.Hello ordinal=0\n"
                + "  extension test.Generated ordinal=5\n", index(compilation));
    }

    @Test
    void aRebuildDropsADeletedExtension(@TempDir Path dir) throws IOException {
        Path classes = dir.resolve("classes");
        JavaFileObject a = extension("A", "@Extension", "public class A implements test.api.Greeter {}");
        JavaFileObject b = extension("B", "@Extension", "public class B implements test.api.Greeter {}");
        DirectoryCompiler.compile(classes, List.of(), plugin("id = \"p\""), GREETER, a, b);
        Path index = classes.resolve(IndexFormat.PATH);
        assertEquals(INDEX_HEADER + "\npoint test.api.Greeter\n  extension test.A ordinal=0\n  extension test.B ordinal=0\n",
                Files.readString(index, StandardCharsets.UTF_8));

        // as an incremental build does: same output directory, and the old classes on the class path
        DirectoryCompiler.compile(classes, List.of(classes.toFile()), plugin("id = \"p\""), GREETER, a);
        assertEquals(INDEX_HEADER + "\npoint test.api.Greeter\n  extension test.A ordinal=0\n",
                Files.readString(index, StandardCharsets.UTF_8));
    }
}
