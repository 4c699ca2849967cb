package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.graft.processor.Fixtures.INDEX_HEADER;
import static dev.graft.processor.Fixtures.column;
import static dev.graft.processor.Fixtures.compile;
import static dev.graft.processor.Fixtures.extension;
import static dev.graft.processor.Fixtures.failing;
import static dev.graft.processor.Fixtures.greeter;
import static dev.graft.processor.Fixtures.index;
import static dev.graft.processor.Fixtures.plugin;
import static dev.graft.processor.Fixtures.syntaxError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.graft.format.Dependency;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The rules for {@code @Extension(dependency = ...)}, alone and against the plugin's own dependencies. */
class ExtensionDependencyTest {

    private static JavaFileObject extensionWith(String annotation) {
        return extension("A", annotation, "public class A implements Greeter {}");
    }

    /**
     * Asserts an error on one value of the {@code @Extension} of {@code test.A}, compiled in the plugin
     * declared with the given arguments.
     */
    private static void assertError(String pluginArguments, String annotation, String message, String token) {
        JavaFileObject file = extensionWith(annotation);
        assertThat(failing(plugin(pluginArguments), greeter(), file))
                .hadErrorContaining(message)
                .inFile(file).onLine(3).atColumn(column(annotation, token));
    }

    @Test
    void rejectsAnInvalidPluginIdWithTheSyntaxMessage() {
        String annotation = "@Extension(dependency = \"my plugin@^1.0.0\")";
        String syntax = syntaxError("my plugin@^1.0.0", Dependency::parse);
        assertTrue(syntax.contains("'my plugin' is not a valid plugin id"), syntax);
        assertError("id = \"p\"", annotation,
                "@Extension class test.A has an invalid dependency " + syntax, "\"my plugin");
    }

    @Test
    void rejectsAMavenRangeNamingTheNpmEquivalent() {
        String annotation = "@Extension(dependency = {\"a@^1.0.0\", \"other@[1.0,2.0)\"})";
        String syntax = syntaxError("other@[1.0,2.0)", Dependency::parse);
        assertTrue(syntax.contains("write the npm-style equivalent '>=1.0.0 <2.0.0'"), syntax);
        assertError("id = \"p\"", annotation, "@Extension class test.A has an invalid dependency " + syntax, "\"other");
    }

    @Test
    void rejectsAnOptionalMarker() {
        String annotation = "@Extension(dependency = \"other?@^1.0.0\")";
        assertError("id = \"p\"", annotation,
                "@Extension class test.A marks dependency 'other?@^1.0.0' optional, but an"
                + " extension dependency is already a condition (the extension is skipped when the plugin is"
                + " missing); remove '?'", "\"other");
    }

    @Test
    void rejectsThePluginNamedTwice() {
        String annotation = "@Extension(dependency = {\"other@^1.0.0\", \"other@^1.2.0\"})";
        assertError("id = \"p\"", annotation,
                "@Extension class test.A names plugin 'other' twice, as 'other@^1.0.0' and as"
                + " 'other@^1.2.0'; keep one entry per plugin", "\"other@^1.2");
    }

    @Test
    void rejectsADependencyOnItsOwnPlugin() {
        String annotation = "@Extension(dependency = \"p@^1.0.0\")";
        assertError("id = \"p\"", annotation,
                "@Extension class test.A depends on 'p@^1.0.0', which is the plugin being compiled"
                + " ('p'); a plugin always sees its own classes, remove this entry", "\"p@");
    }

    @Test
    void rejectsARangeThatNoVersionSatisfies() {
        String annotation = "@Extension(dependency = \"other@^2.0.0 <1.0.0\")";
        assertError("id = \"p\"", annotation,
                "@Extension class test.A: dependency 'other@^2.0.0 <1.0.0' can never be satisfied:"
                + " no version lies in '^2.0.0 <1.0.0' (reduced: '>=2.0.0 <3.0.0-0 <1.0.0'); write a range that"
                + " some version lies in", "\"other");
    }

    @Test
    void rejectsARangeDisjointFromTheRequiredPluginDependency() {
        String annotation = "@Extension(dependency = \"other@^2.0.0\")";
        assertError("id = \"p\", dependencies = \"other@^1.0.0\"", annotation,
                "@Extension class test.A needs 'other@^2.0.0', but plugin 'p' declares"
                + " 'other@^1.0.0': no version of 'other' lies in both ^1.0.0 and ^2.0.0, so this condition can"
                + " never hold; make the ranges overlap", "\"other");
    }

    @Test
    void rejectsARangeDisjointFromTheOptionalPluginDependency() {
        String annotation = "@Extension(dependency = \"other@<1.0.0\")";
        assertError("id = \"p\", dependencies = \"other?@>=1.5.0\"", annotation,
                "@Extension class test.A needs 'other@<1.0.0', but plugin 'p' declares"
                + " 'other?@>=1.5.0': no version of 'other' lies in both >=1.5.0 and <1.0.0, so this condition"
                + " can never hold; make the ranges overlap", "\"other");
    }

    @Test
    void warnsAboutEntriesTheRequiredPluginDependencyAlreadyGuarantees() {
        String anyRange = "@Extension(dependency = \"other\")";
        String sameRange = "@Extension(dependency = \"other@^1.0.0\")";
        JavaFileObject any = extension("A", anyRange, "public class A implements Greeter {}");
        JavaFileObject same = extension("B", sameRange, "public class B implements Greeter {}");
        Compilation compilation = compile(plugin("id = \"p\", dependencies = \"other@^1.0.0\""), greeter(), any, same);
        assertThat(compilation).succeeded();
        assertThat(compilation)
                .hadWarningContaining("@Extension class test.A needs 'other', which plugin 'p' already requires"
                        + " ('other@^1.0.0'); the entry is redundant, remove it")
                .inFile(any).onLine(3).atColumn(column(anyRange, "\"other"));
        assertThat(compilation)
                .hadWarningContaining("@Extension class test.B needs 'other@^1.0.0', which plugin 'p' already requires"
                        + " ('other@^1.0.0'); the entry is redundant, remove it")
                .inFile(same).onLine(3).atColumn(column(sameRange, "\"other"));
        assertThat(compilation).hadWarningCount(2);
        assertEquals(INDEX_HEADER + "\npoint test.Greeter\n"
                + "  extension test.A ordinal=0\n    dependency other\n"
                + "  extension test.B ordinal=0\n    dependency other@^1.0.0\n", index(compilation));
    }

    @Test
    void acceptsANarrowerRangeOrAConditionOnAnOptionalPluginDependency() {
        JavaFileObject narrower = extension("A", "@Extension(dependency = \"other@^1.2.0\")",
                "public class A implements Greeter {}");
        JavaFileObject condition = extension("B", "@Extension(dependency = \"lyrics\")",
                "public class B implements Greeter {}");
        Compilation compilation = compile(plugin("id = \"p\", dependencies = {\"other@^1.0.0\", \"lyrics?\"}"),
                greeter(), narrower, condition);
        assertThat(compilation).succeededWithoutWarnings();
    }
}
