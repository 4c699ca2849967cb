package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Sources and compilations shared by the processor tests. */
final class Fixtures {

    /** The header of every index the processor writes. */
    static final String INDEX_HEADER = "# Graft extension index. Format: docs/index-format.md\ngraft-index 1\n";
    /** The header of every manifest the processor writes. */
    static final String MANIFEST_HEADER = "# Graft plugin manifest. Format: docs/index-format.md\ngraft-plugin 1\n";
    /** The manifest's Java line: compile-testing compiles for the running JDK's release. */
    static final String JAVA = "java " + Runtime.version().feature() + "\n";

    private Fixtures() {
    }

    /**
     * @param sources the sources
     * @return the compilation through the Graft processor with {@code -Agraft.version=1.0.0}
     */
    static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new GraftProcessor()).withOptions("-Agraft.version=1.0.0")
                .compile(sources);
    }

    /**
     * A source file from lines; the first line is line 1.
     *
     * @param name the class's canonical name, or {@code pkg.package-info}
     * @param lines the lines
     * @return the source
     */
    static JavaFileObject source(String name, String... lines) {
        return JavaFileObjects.forSourceLines(name, lines);
    }

    /**
     * The {@code package-info.java} of package {@code test}, declaring a plugin. The annotation is
     * on line 1, its arguments as given.
     *
     * @param arguments the arguments of {@code @Plugin}, for example {@code id = "p"}
     * @return the source
     */
    static JavaFileObject plugin(String arguments) {
        return source("test.package-info", "@Plugin(" + arguments + ")", "package test;", "", "import dev.graft.Plugin;");
    }

    /**
     * @param line a source line
     * @param token text on it
     * @return the 1-based column where the token starts, as javac reports it
     */
    static int column(String line, String token) {
        int index = line.indexOf(token);
        if (index < 0) {
            throw new IllegalArgumentException("'" + token + "' is not on line '" + line + "'");
        }
        return index + 1;
    }

    /**
     * @param text an invalid expression
     * @param parser the parser that rejects it
     * @return the message of the {@link dev.graft.format.SyntaxException} it throws
     */
    static String syntaxError(String text, java.util.function.Consumer<String> parser) {
        try {
            parser.accept(text);
        } catch (dev.graft.format.SyntaxException e) {
            return e.getMessage();
        }
        throw new IllegalArgumentException("'" + text + "' is valid");
    }

    /** @return {@code test.Greeter}, an {@code @ExtensionPoint} interface */
    static JavaFileObject greeter() {
        return source("test.Greeter", "package test;", "@dev.graft.ExtensionPoint", "public interface Greeter {}");
    }

    /**
     * @param name the simple name of a class in package {@code test}
     * @param annotation the annotation, on line 3, for example {@code @Extension(ordinal = 1)}
     * @param declaration the declaration, on line 4, for example {@code public class Hello implements Greeter {}}
     * @return the source, importing {@code dev.graft.Extension}
     */
    static JavaFileObject extension(String name, String annotation, String declaration) {
        return source("test." + name, "package test;", "import dev.graft.Extension;", annotation, declaration);
    }

    /**
     * Compiles sources that must fail with {@code -Agraft.version=1.0.0}: asserts the failure, and
     * that the processor wrote neither the index nor the manifest when compiling them into a real
     * directory (compile-testing hides the generated files of a failed compilation).
     *
     * @param sources the sources
     * @return the compilation, to assert its diagnostics
     */
    static Compilation failing(JavaFileObject... sources) {
        return failing(List.of("-Agraft.version=1.0.0"), sources);
    }

    /**
     * Like {@link #failing(JavaFileObject...)}, with other javac options.
     *
     * @param options the javac options
     * @param sources the sources
     * @return the compilation, to assert its diagnostics
     */
    static Compilation failing(List<String> options, JavaFileObject... sources) {
        Compilation compilation = Compiler.javac().withProcessors(new GraftProcessor()).withOptions(options)
                .compile(sources);
        assertThat(compilation).failed();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("graft-failing");
            Path classes = dir.resolve("classes");
            DirectoryCompiler.Result result = DirectoryCompiler.run(classes, options, List.of(), sources);
            assertFalse(result.success(), "the compilation fails on disk too");
            assertFalse(Files.exists(classes.resolve(IndexFormat.PATH)), "no index is written");
            assertFalse(Files.exists(classes.resolve(ManifestFormat.PATH)), "no manifest is written");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
        return compilation;
    }

    /**
     * Deletes a directory tree.
     *
     * @param dir the directory, or {@code null}
     */
    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param compilation a successful compilation
     * @return the index it generated
     */
    static String index(Compilation compilation) {
        return generated(compilation, IndexFormat.PATH);
    }

    /**
     * @param compilation a successful compilation
     * @return the manifest it generated
     */
    static String manifest(Compilation compilation) {
        return generated(compilation, ManifestFormat.PATH);
    }

    private static String generated(Compilation compilation, String path) {
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
                .orElseThrow(() -> new AssertionError(path + " was not generated; diagnostics: "
                        + compilation.diagnostics()));
        try {
            return file.getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts the manifest of plugin {@code p}, version {@code 1.0.0}.
     *
     * @param compilation a successful compilation
     * @param lines the lines after {@code version 1.0.0} and the Java line, each ending in a newline
     */
    static void assertManifest(Compilation compilation, String lines) {
        assertEquals(MANIFEST_HEADER + "id p\nversion 1.0.0\n" + JAVA + lines, manifest(compilation));
    }
}
