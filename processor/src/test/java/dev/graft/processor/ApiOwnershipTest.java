package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.graft.processor.Fixtures.INDEX_HEADER;
import static dev.graft.processor.Fixtures.assertManifest;
import static dev.graft.processor.Fixtures.compile;
import static dev.graft.processor.Fixtures.extension;
import static dev.graft.processor.Fixtures.failing;
import static dev.graft.processor.Fixtures.index;
import static dev.graft.processor.Fixtures.plugin;
import static dev.graft.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An extension of an extension point that belongs to another plugin's API must depend on that
 * plugin, through {@code @Extension(dependency)} or a required plugin-level dependency.
 */
class ApiOwnershipTest {

    /** Package {@code api} is the API of plugin {@code other}; its subpackage {@code api.sub} too. */
    private static final JavaFileObject OTHER_API = source("api.package-info",
            "@PluginApi(\"other\")", "package api;", "", "import dev.graft.PluginApi;");
    private static final JavaFileObject POINT = source("api.sub.Point",
            "package api.sub;", "@dev.graft.ExtensionPoint", "public interface Point {}");

    private static JavaFileObject implementation(String annotation) {
        return extension("A", annotation, "public class A implements api.sub.Point {}");
    }

    private static String missingDependency(String point, String packageName, String why) {
        return "@Extension class test.A implements extension point " + point + ", which belongs to plugin 'other' (package "
                + packageName + "), but " + why + "; add @Extension(dependency = \"other\") so that the extension is"
                + " active only when 'other' is installed, or make 'other' a required dependency in"
                + " @Plugin(dependencies = \"other\")";
    }

    @Test
    void rejectsAnExtensionOfAnotherPluginsApiWithoutDependency() {
        JavaFileObject file = implementation("@Extension");
        assertThat(failing(plugin("id = \"p\""), OTHER_API, POINT, file))
                .hadErrorContaining(missingDependency("api.sub.Point", "api",
                        "neither the extension nor its plugin depends on 'other'"))
                .inFile(file).onLine(3).atColumn(1);
    }

    @Test
    void rejectsAnOptionalPluginDependencyAsTheOnlyDeclaration() {
        JavaFileObject file = implementation("@Extension");
        assertThat(failing(plugin("id = \"p\", dependencies = \"other?@^1.0.0\""), OTHER_API, POINT, file))
                .hadErrorContaining(missingDependency("api.sub.Point", "api",
                        "its plugin declares 'other' only as the optional dependency 'other?@^1.0.0', so the extension"
                                + " would be instantiated when 'other' is absent"))
                .inFile(file).onLine(3).atColumn(1);
    }

    @Test
    void acceptsAnExtensionDependency() {
        Compilation compilation = compile(plugin("id = \"p\""), OTHER_API, POINT,
                implementation("@Extension(dependency = \"other@^1.0.0\")"));
        assertThat(compilation).succeeded(); // warned: POINT is other's API, compiled here for the test
        assertEquals(INDEX_HEADER + "\npoint api.sub.Point\n  extension test.A ordinal=0\n    dependency other@^1.0.0\n",
                index(compilation));
        assertManifest(compilation, "dependency other?\n");
    }

    @Test
    void acceptsARequiredPluginDependency() {
        Compilation compilation = compile(plugin("id = \"p\", dependencies = \"other@^1.0.0\""), OTHER_API, POINT,
                implementation("@Extension"));
        assertThat(compilation).succeeded(); // warned: POINT is other's API, compiled here for the test
        assertManifest(compilation, "dependency other@^1.0.0\n");
    }

    @Test
    void theNearestAnnotatedPackageOwnsAPoint() {
        JavaFileObject ownApi = source("api.sub.package-info",
                "@dev.graft.PluginApi(\"p\")", "package api.sub;");
        JavaFileObject ownPoint = source("test.spi.Own", "package test.spi;", "@dev.graft.ExtensionPoint",
                "public interface Own {}");
        Compilation compilation = compile(plugin("id = \"p\""), OTHER_API, ownApi, POINT, ownPoint,
                implementation("@Extension"),
                extension("B", "@Extension", "public class B implements test.spi.Own {}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertManifest(compilation, "");
    }

    @Test
    void readsTheOwnerFromAPluginOnTheClassPath(@TempDir Path dir) {
        Path otherClasses = dir.resolve("other");
        DirectoryCompiler.compile(otherClasses, List.of(),
                source("other.package-info", "@dev.graft.Plugin(id = \"other\")", "package other;"),
                source("other.api.Point", "package other.api;", "@dev.graft.ExtensionPoint", "public interface Point {}"));
        Supplier<Compiler> dependent = () -> Compiler.javac().withProcessors(new GraftProcessor())
                .withOptions("-Agraft.version=1.0.0")
                .withClasspath(List.of(otherClasses.toFile(), DirectoryCompiler.annotationsLocation()));

        JavaFileObject missing = extension("A", "@Extension", "public class A implements other.api.Point {}");
        assertThat(dependent.get().compile(plugin("id = \"p\""), missing))
                .hadErrorContaining(missingDependency("other.api.Point", "other",
                        "neither the extension nor its plugin depends on 'other'"))
                .inFile(missing).onLine(3).atColumn(1);

        Compilation declared = dependent.get().compile(plugin("id = \"p\""),
                extension("A", "@Extension(dependency = \"other\")", "public class A implements other.api.Point {}"));
        assertThat(declared).succeededWithoutWarnings();
        assertEquals(INDEX_HEADER + "\npoint other.api.Point\n  extension test.A ordinal=0\n    dependency other\n",
                index(declared));
        assertManifest(declared, "dependency other?\n");
    }
}
