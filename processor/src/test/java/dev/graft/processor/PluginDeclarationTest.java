package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.graft.processor.Fixtures.JAVA;
import static dev.graft.processor.Fixtures.MANIFEST_HEADER;
import static dev.graft.processor.Fixtures.assertManifest;
import static dev.graft.processor.Fixtures.column;
import static dev.graft.processor.Fixtures.compile;
import static dev.graft.processor.Fixtures.extension;
import static dev.graft.processor.Fixtures.failing;
import static dev.graft.processor.Fixtures.greeter;
import static dev.graft.processor.Fixtures.manifest;
import static dev.graft.processor.Fixtures.source;
import static dev.graft.processor.Fixtures.syntaxError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.graft.format.Dependency;
import dev.graft.format.PackagePattern;
import dev.graft.format.PluginId;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The rules for {@code @Plugin}, the one declaration of the plugin a compilation builds. */
class PluginDeclarationTest {

    /** {@code @Plugin(<arguments>)} on package {@code test}, on line 1. */
    private static String pluginLine(String arguments) {
        return "@Plugin(" + arguments + ")";
    }

    private static JavaFileObject plugin(String arguments) {
        return Fixtures.plugin(arguments);
    }

    /** Asserts an error on line 1 of the package-info declaring {@code @Plugin(<arguments>)}. */
    private static void assertPluginError(String arguments, String message, String token) {
        JavaFileObject file = plugin(arguments);
        assertThat(failing(file, greeter()))
                .hadErrorContaining(message)
                .inFile(file).onLine(1).atColumn(column(pluginLine(arguments), token));
    }

    @Test
    void rejectsASecondPluginDeclaration() {
        JavaFileObject first = plugin("id = \"p\"");
        JavaFileObject second = source("test.other.package-info", "@dev.graft.Plugin(id = \"q\")", "package test.other;");
        assertThat(failing(second, first))
                .hadErrorContaining("@Plugin on package test.other is a second plugin declaration: package test already"
                        + " declares the plugin of this compilation; a compilation builds one plugin, so keep exactly"
                        + " one @Plugin")
                .inFile(second).onLine(1).atColumn(1);
    }

    @Test
    void rejectsAnInvalidId() {
        assertPluginError("id = \"my plugin\"",
                "@Plugin on package test has an invalid id " + syntaxError("my plugin", PluginId::check), "\"my plugin");
    }

    @Test
    void rejectsAVersionThatDiffersFromTheBuildsVersion() {
        assertPluginError("id = \"p\", version = \"2.0\"",
                "@Plugin on package test declares version '2.0' (2.0.0), but the build passes -Agraft.version=1.0.0"
                        + " (1.0.0); remove version from @Plugin so that the build's version is the only one", "\"2.0");
    }

    /** Asserts a warning on line 1 of the package-info, and that the manifest is still written. */
    private static void assertPluginWarning(String arguments, String message, int column, String manifestLines) {
        JavaFileObject file = plugin(arguments);
        Compilation compilation = compile(file, greeter());
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(message).inFile(file).onLine(1).atColumn(column);
        assertThat(compilation).hadWarningCount(1);
        assertManifest(compilation, manifestLines);
    }

    @Test
    void warnsAboutAVersionTheBuildAlreadyPasses() {
        String arguments = "id = \"p\", version = \"1.0\"";
        assertPluginWarning(arguments, "@Plugin on package test declares version '1.0', which the build already passes"
                + " with -Agraft.version; remove it from @Plugin so that the version is written once",
                column(pluginLine(arguments), "\"1.0"), "");
    }

    @Test
    void rejectsAPluginWithoutAnyVersion() {
        JavaFileObject file = plugin("id = \"p\"");
        assertThat(failing(List.of(), file))
                .hadErrorContaining("@Plugin on package test has no version: pass the build's version to the compiler"
                        + " with -Agraft.version=${project.version} (in Maven: <compilerArgs><arg>-Agraft.version="
                        + "${project.version}</arg></compilerArgs>), or, without a build tool, set @Plugin(version ="
                        + " \"1.0.0\")")
                .inFile(file).onLine(1).atColumn(1);
    }

    @Test
    void rejectsAnInvalidDeclaredVersion() {
        String arguments = "id = \"p\", version = \"one\"";
        JavaFileObject file = plugin(arguments);
        assertThat(failing(List.of(), file))
                .hadErrorContaining("@Plugin on package test has an invalid version "
                        + syntaxError("one", Version::normalize))
                .inFile(file).onLine(1).atColumn(column(pluginLine(arguments), "\"one"));
    }

    @Test
    void rejectsAnInvalidVersionOption() {
        JavaFileObject file = plugin("id = \"p\"");
        assertThat(failing(List.of("-Agraft.version=banana"), file))
                .hadErrorContaining("the processor option -Agraft.version has an invalid version "
                        + syntaxError("banana", Version::normalize))
                .inFile(file).onLine(1).atColumn(1);
    }

    @Test
    void takesTheDeclaredVersionWithoutTheOptionAndNormalisesBoth() {
        Compilation declared = Compiler.javac().withProcessors(new GraftProcessor())
                .compile(plugin("id = \"p\", version = \"2.1\""));
        assertThat(declared).succeededWithoutWarnings();
        assertEquals(MANIFEST_HEADER + "id p\nversion 2.1.0\n" + JAVA, manifest(declared));
        Compilation option = Compiler.javac().withProcessors(new GraftProcessor())
                .withOptions("-Agraft.version=1.2-SNAPSHOT").compile(plugin("id = \"p\""));
        assertThat(option).succeededWithoutWarnings();
        assertEquals(MANIFEST_HEADER + "id p\nversion 1.2.0-SNAPSHOT\n" + JAVA, manifest(option));
    }

    @Test
    void rejectsAnInvalidRequires() {
        String syntax = syntaxError("[4.0,5.0)", VersionRange::parse);
        assertTrue(syntax.contains("'>=4.0.0 <5.0.0'"), syntax);
        assertPluginError("id = \"p\", requires = \"[4.0,5.0)\"",
                "@Plugin on package test has an invalid requires " + syntax, "\"[4.0");
    }

    @Test
    void rejectsARequiresThatNoVersionSatisfies() {
        assertPluginError("id = \"p\", requires = \"<1.0.0 >=2.0.0\"",
                "@Plugin on package test: requires can never be satisfied: no version lies in '<1.0.0 >=2.0.0'; write"
                        + " a range that some version lies in", "\"<1.0");
    }

    @Test
    void rejectsAnInvalidDependency() {
        assertPluginError("id = \"p\", dependencies = {\"lyrics?\", \"other@1.0,2.0\"}",
                "@Plugin on package test has an invalid dependency " + syntaxError("other@1.0,2.0", Dependency::parse),
                "\"other");
    }

    @Test
    void rejectsADependencyOnItself() {
        assertPluginError("id = \"p\", dependencies = \"p?\"",
                "@Plugin on package test depends on 'p?', which is the plugin being compiled ('p'); a plugin always"
                        + " sees its own classes, remove this entry", "\"p?");
    }

    @Test
    void rejectsAPluginNamedTwice() {
        assertPluginError("id = \"p\", dependencies = {\"other\", \"other?@^1.0.0\"}",
                "@Plugin on package test names plugin 'other' twice, as 'other' and as 'other?@^1.0.0'; keep one entry"
                        + " per plugin", "\"other?");
    }

    @Test
    void rejectsAnInvalidExport() {
        assertPluginError("id = \"p\", exports = \"test.api-v1\"",
                "@Plugin on package test exports " + syntaxError("test.api-v1", PackagePattern::check), "\"test.api");
    }

    @Test
    void rejectsAnExportedPackageThatDoesNotExist() {
        assertPluginError("id = \"p\", exports = {\"test\", \"tset.api\"}",
                "@Plugin on package test exports package 'tset.api', which exists neither in this compilation nor on"
                        + " the class path; check the spelling, or write 'tset.api.*' to export the subpackages of"
                        + " tset.api", "\"tset");
    }

    @Test
    void warnsAboutAnExportWrittenTwice() {
        String arguments = "id = \"p\", exports = {\"test\", \"test\"}";
        assertPluginWarning(arguments, "@Plugin on package test exports 'test' twice; remove one",
                pluginLine(arguments).lastIndexOf("\"test") + 1, "export test\n");
    }

    @Test
    void exportsPackagesOfTheCompilationAndTheClassPathAndPatterns() {
        Compilation compilation = compile(plugin("id = \"p\", exports = {\"test.api\", \"dev.graft\", \"test.spi.*\"}"),
                source("test.api.Point", "package test.api;", "public interface Point {}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertManifest(compilation, "export dev.graft\nexport test.api\nexport test.spi.*\n");
    }

    @Test
    void requiresAPluginDeclarationForEveryExtension() {
        JavaFileObject a = extension("A", "@Extension", "public class A implements Greeter {}");
        JavaFileObject b = extension("B", "@Extension", "public class B implements Greeter {}");
        Compilation compilation = failing(greeter(), a, b);
        for (JavaFileObject file : List.of(a, b)) {
            String name = file == a ? "A" : "B";
            assertThat(compilation)
                    .hadErrorContaining("@Extension class test." + name + " is compiled without a plugin declaration: no"
                            + " package of this compilation carries @Plugin. Declare the plugin once, in a"
                            + " package-info.java of its root package, for example:")
                    .inFile(file).onLine(3).atColumn(1);
        }
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            // javac indents the lines after the first; the example is two lines of its own
            List<String> lines = error.getMessage(Locale.ROOT).lines().map(String::strip).toList();
            assertEquals(List.of("@dev.graft.Plugin(id = \"my-plugin\")", "package test;"), lines.subList(1, 3));
        }
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void writesNothingWithoutPluginAndExtensions() {
        Compilation compilation = compile(greeter());
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(List.of(), compilation.generatedFiles().stream()
                .filter(f -> f.toUri().getPath().contains("META-INF")).toList());
    }
}
