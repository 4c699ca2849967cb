package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.graft.processor.Fixtures.extension;
import static dev.graft.processor.Fixtures.failing;
import static dev.graft.processor.Fixtures.greeter;
import static dev.graft.processor.Fixtures.plugin;
import static dev.graft.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A correct plugin compiles under {@code -Xlint:all -Werror}; a failed compilation leaves no output. */
class CompilationOutcomeTest {

    private static final List<String> STRICT = List.of("-Agraft.version=1.0.0", "-Xlint:all", "-Werror");

    private static JavaFileObject hello() {
        return extension("Hello", "@Extension", "public class Hello implements Greeter {}");
    }

    @Test
    void aCorrectPluginCompilesUnderXlintAllAndWerror(@TempDir Path dir) {
        JavaFileObject api = source("test.api.package-info", "@dev.graft.PluginApi(\"p\")", "package test.api;");
        Compilation compilation = Compiler.javac().withProcessors(new GraftProcessor()).withOptions(STRICT)
                .compile(plugin("id = \"p\""), api, greeter(), hello());
        assertThat(compilation).succeededWithoutWarnings();
        Path classes = dir.resolve("classes");
        assertTrue(DirectoryCompiler.run(classes, STRICT, List.of(), plugin("id = \"p\""), api, greeter(), hello())
                .success());
        assertTrue(Files.exists(classes.resolve(IndexFormat.PATH)));
        assertTrue(Files.exists(classes.resolve(ManifestFormat.PATH)));
    }

    @Test
    void writesNothingWhenAWarningFailsTheBuildUnderWerror() {
        JavaFileObject raw = source("test.Raw", "package test;", "public class Raw {",
                "    java.util.List list = new java.util.ArrayList();", "}");
        assertThat(failing(STRICT, plugin("id = \"p\""), greeter(), hello(), raw))
                .hadErrorContaining("warnings found and -Werror specified");
    }

    @Test
    void writesNothingWhenJavacReportsAnErrorAfterProcessing() {
        JavaFileObject wrong = source("test.Wrong", "package test;", "public class Wrong {",
                "    int n = \"not a number\";", "}");
        assertThat(failing(plugin("id = \"p\""), greeter(), hello(), wrong))
                .hadErrorContaining("incompatible types").inFile(wrong).onLine(3);
    }

    @Test
    void writesNothingWhenTheFirstClassFailsAndTheExtensionComesLater() {
        JavaFileObject wrong = source("test.A", "package test;", "public class A {", "    int n = \"x\";", "}");
        assertThat(failing(plugin("id = \"p\""), wrong, greeter(), hello())).hadErrorContaining("incompatible types");
    }

    /**
     * No class is analysed under -proc:only, nor when javac stops right after processing: the two
     * look the same to a TaskListener, so the output stays. Under -Werror a warning of a round
     * before the last is an error raised in the last round, where nothing is written
     * ({@link WerrorOutputTest}); what the last round does not see keeps the output: an error
     * another processor reports in the last round, and under -Werror a warning of the last round or
     * one javac reports after it (docs/processor.md, Limits).
     */
    @Test
    void stillWritesUnderProcOnlyWhereNoClassIsGenerated(@TempDir Path dir) {
        Path classes = dir.resolve("classes");
        assertTrue(DirectoryCompiler.run(classes, List.of("-Agraft.version=1.0.0", "-proc:only"), List.of(),
                plugin("id = \"p\""), greeter(), hello()).success());
        assertTrue(Files.exists(classes.resolve(IndexFormat.PATH)));
        assertTrue(Files.exists(classes.resolve(ManifestFormat.PATH)));
    }
}
