package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.graft.processor.Fixtures.column;
import static dev.graft.processor.Fixtures.extension;
import static dev.graft.processor.Fixtures.plugin;
import static dev.graft.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dependency range that excludes the version of that plugin on the compile class path. */
class ClassPathDependencyTest {

    @TempDir
    static Path dir;

    private static File otherClasses;

    /** Plugin 'other' 1.0.0, owning other.api.Point, compiled into a directory. */
    @BeforeAll
    static void compileOther() {
        Path classes = dir.resolve("other");
        DirectoryCompiler.compile(classes, List.of(),
                source("other.package-info", "@dev.graft.Plugin(id = \"other\")", "package other;"),
                source("other.api.Point", "package other.api;", "@dev.graft.ExtensionPoint", "public interface Point {}"));
        otherClasses = classes.toFile();
    }

    private static Compilation compile(JavaFileObject... sources) {
        return compile(otherClasses, sources);
    }

    private static Compilation compile(File other, JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new GraftProcessor()).withOptions("-Agraft.version=1.0.0")
                .withClasspath(List.of(other, DirectoryCompiler.annotationsLocation())).compile(sources);
    }

    @Test
    void readsTheVersionFromAJar() throws IOException {
        Path jar = dir.resolve("other.jar");
        Path root = otherClasses.toPath();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        JavaFileObject file = extension("A", "@Extension(dependency = \"other@^2.0.0\")",
                "public class A implements other.api.Point {}");
        assertThat(compile(jar.toFile(), plugin("id = \"p\""), file))
                .hadWarningContaining("dependency 'other@^2.0.0' excludes version 1.0.0 of 'other'").inFile(file).onLine(3);
    }

    @Test
    void warnsWhenAnExtensionDependencyExcludesTheVersionOnTheClassPath() {
        String annotation = "@Extension(dependency = \"other@^2.0.0\")";
        JavaFileObject file = extension("A", annotation, "public class A implements other.api.Point {}");
        Compilation compilation = compile(plugin("id = \"p\""), file);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("@Extension class test.A: dependency 'other@^2.0.0' excludes"
                        + " version 1.0.0 of 'other', which is on the compile class path: the plugin is compiled against"
                        + " a version it will not load with; widen the range to take in 1.0.0, or compile against a"
                        + " version in ^2.0.0")
                .inFile(file).onLine(3).atColumn(column(annotation, "\"other"));
    }

    @Test
    void warnsWhenAPluginDependencyExcludesTheVersionOnTheClassPath() {
        String arguments = "id = \"p\", dependencies = \"other@>=1.1.0\"";
        JavaFileObject pkg = plugin(arguments);
        Compilation compilation = compile(pkg,
                extension("A", "@Extension", "public class A implements other.api.Point {}"));
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("@Plugin on package test: dependency 'other@>=1.1.0' excludes"
                        + " version 1.0.0 of 'other'")
                .inFile(pkg).onLine(1).atColumn(column("@Plugin(" + arguments + ")", "\"other"));
    }

    @Test
    void acceptsARangeThatHoldsTheVersionOnTheClassPath() {
        assertThat(compile(plugin("id = \"p\""), extension("A", "@Extension(dependency = \"other@^1.0.0\")",
                "public class A implements other.api.Point {}"))).succeededWithoutWarnings();
    }
}
