package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.graft.processor.Fixtures.column;
import static dev.graft.processor.Fixtures.compile;
import static dev.graft.processor.Fixtures.extension;
import static dev.graft.processor.Fixtures.failing;
import static dev.graft.processor.Fixtures.greeter;
import static dev.graft.processor.Fixtures.manifest;
import static dev.graft.processor.Fixtures.plugin;
import static dev.graft.processor.Fixtures.source;
import static dev.graft.processor.Fixtures.syntaxError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.graft.format.Dependency;
import dev.graft.format.VersionRange;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Range mistakes with a likely intent (issue 17): the processor reports the format's tailored
 * message on the value, and a dependency whose id differs from a point's owner only by case gets
 * a hint.
 */
class RangeDiagnosticsTest {

    private static final String HYPHEN_WARNING = "'4.0.0-5.0.0' is one version, 4.0.0 with the pre-release '5.0.0',"
            + " not a range: only that pre-release matches, never a release; for the versions from 4.0.0 to 5.0.0"
            + " write a hyphen range with a space on each side of '-', '4.0.0 - 5.0.0' (up to and including 5.0.0),"
            + " or '>=4.0.0 <5.0.0' (below 5.0.0)";

    @Test
    void warnsOfARequiresWrittenAsAHyphenRangeWithoutSpaces() {
        String arguments = "id = \"p\", requires = \"4.0.0-5.0.0\"";
        JavaFileObject file = plugin(arguments);
        Compilation compilation = compile(file, greeter());
        assertThat(compilation).succeeded();
        assertThat(compilation)
                .hadWarningContaining("@Plugin on package test: requires is probably a mistake: " + HYPHEN_WARNING)
                .inFile(file).onLine(1).atColumn(column("@Plugin(" + arguments + ")", "\"4.0.0"));
        assertThat(compilation).hadWarningCount(1);
        assertTrue(manifest(compilation).contains("\nrequires 4.0.0-5.0.0\n"), "a warning: the range is written");
    }

    @Test
    void warnsOfADependencyWrittenAsAHyphenRangeWithoutSpaces() {
        String annotation = "@Extension(dependency = {\"a\", \"other@4.0.0-5.0.0\"})";
        JavaFileObject file = extension("A", annotation, "public class A implements Greeter {}");
        Compilation compilation = compile(plugin("id = \"p\""), greeter(), file);
        assertThat(compilation).succeeded();
        assertThat(compilation)
                .hadWarningContaining("@Extension class test.A: dependency 'other@4.0.0-5.0.0' is probably a mistake: "
                        + HYPHEN_WARNING)
                .inFile(file).onLine(3).atColumn(column(annotation, "\"other"));
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void reportsTheDoubledOperatorOnRequires() {
        String arguments = "id = \"p\", requires = \">>4.0.0\"";
        String syntax = syntaxError(">>4.0.0", VersionRange::parse);
        assertTrue(syntax.contains("'>>4.0.0' has two operators, '>' and then '>'; a comparator is one operator"
                + " followed by a version: write '>4.0.0'"), syntax);
        JavaFileObject file = plugin(arguments);
        assertThat(failing(file, greeter()))
                .hadErrorContaining("@Plugin on package test has an invalid requires " + syntax)
                .inFile(file).onLine(1).atColumn(column("@Plugin(" + arguments + ")", "\">>"));
    }

    @Test
    void reportsACommaRangeAndAHyphenWithoutEndOnTheArrayElement() {
        String annotation = "@Extension(dependency = {\"a@>=1.0, <2.0\", \"b@1.0.0 -\"})";
        String comma = syntaxError("a@>=1.0, <2.0", Dependency::parse);
        assertTrue(comma.contains("npm ranges use a space for AND and '||' for OR; write '>=1.0 <2.0' for all of"
                + " them"), comma);
        String hyphen = syntaxError("b@1.0.0 -", Dependency::parse);
        assertTrue(hyphen.contains("a hyphen range needs both ends: 1.0.0 - 2.0.0"), hyphen);
        JavaFileObject file = extension("A", annotation, "public class A implements Greeter {}");
        Compilation compilation = failing(plugin("id = \"p\""), greeter(), file);
        assertThat(compilation)
                .hadErrorContaining("@Extension class test.A has an invalid dependency " + comma)
                .inFile(file).onLine(3).atColumn(column(annotation, "\"a@"));
        assertThat(compilation)
                .hadErrorContaining("@Extension class test.A has an invalid dependency " + hyphen)
                .inFile(file).onLine(3).atColumn(column(annotation, "\"b@"));
    }

    @Test
    void hintsAtTheCaseOfADependencyOnAPointsOwner() {
        JavaFileObject api = source("api.package-info", "@PluginApi(\"lavasearch\")", "package api;", "",
                "import dev.graft.PluginApi;");
        JavaFileObject point = source("api.Point", "package api;", "@dev.graft.ExtensionPoint",
                "public interface Point {}");
        String annotation = "@Extension(dependency = \"LavaSearch@^1.0.0\")";
        JavaFileObject file = extension("A", annotation, "public class A implements api.Point {}");
        assertThat(failing(plugin("id = \"p\""), api, point, file))
                .hadErrorContaining("@Extension class test.A implements extension point api.Point, which belongs to"
                        + " plugin 'lavasearch' (package api), but neither the extension nor its plugin depends on"
                        + " 'lavasearch'; did you mean 'lavasearch' for the dependency 'LavaSearch'? Plugin ids are"
                        + " case sensitive")
                .inFile(file).onLine(3).atColumn(1);
    }

    @Test
    void hintsAtTheCaseOfAPluginLevelDependency() {
        JavaFileObject api = source("api.package-info", "@PluginApi(\"lavasearch\")", "package api;", "",
                "import dev.graft.PluginApi;");
        JavaFileObject point = source("api.Point", "package api;", "@dev.graft.ExtensionPoint",
                "public interface Point {}");
        JavaFileObject file = extension("A", "@Extension", "public class A implements api.Point {}");
        assertThat(failing(plugin("id = \"p\", dependencies = \"LavaSearch\""), api, point, file))
                .hadErrorContaining("did you mean 'lavasearch' for the dependency 'LavaSearch'? Plugin ids are case"
                        + " sensitive")
                .inFile(file).onLine(3).atColumn(1);
    }
}
