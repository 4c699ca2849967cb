package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.graft.processor.Fixtures.column;
import static dev.graft.processor.Fixtures.compile;
import static dev.graft.processor.Fixtures.extension;
import static dev.graft.processor.Fixtures.failing;
import static dev.graft.processor.Fixtures.greeter;
import static dev.graft.processor.Fixtures.plugin;
import static dev.graft.processor.Fixtures.source;
import static dev.graft.processor.Fixtures.syntaxError;

import com.google.testing.compile.Compilation;
import dev.graft.format.PluginId;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code @PluginApi}, where points and extensions may lie, the visibility of points, JDK exports. */
class PluginScopeTest {

    @Test
    void rejectsAPluginApiIdNoPluginCanDeclare() {
        String line = "@dev.graft.PluginApi(\"lava search\")";
        JavaFileObject api = source("test.api.package-info", line, "package test.api;");
        assertThat(failing(plugin("id = \"p\""), api, greeter()))
                .hadErrorContaining("@PluginApi on package test.api names an invalid plugin id "
                        + syntaxError("lava search", PluginId::check) + "; no plugin can declare that id")
                .inFile(api).onLine(1).atColumn(column(line, "\"lava"));
    }

    @Test
    void rejectsAPluginApiThatDisagreesWithPluginOnTheSamePackage() {
        String line = "@dev.graft.Plugin(id = \"p\") @dev.graft.PluginApi(\"q\")";
        JavaFileObject pkg = source("test.package-info", line, "package test;");
        assertThat(failing(pkg, greeter()))
                .hadErrorContaining("@PluginApi on package test says the package belongs to 'q', but @Plugin on the"
                        + " same package declares plugin 'p'; @Plugin wins, so its points belong to 'p'. Remove"
                        + " @PluginApi")
                .inFile(pkg).onLine(1).atColumn(column(line, "\"q\""));
    }

    @Test
    void rejectsAPointOutsideTheRootPackage() {
        JavaFileObject point = source("other.Point", "package other;", "@dev.graft.ExtensionPoint",
                "public interface Point {}");
        assertThat(failing(plugin("id = \"p\""), greeter(), point))
                .hadErrorContaining("@ExtensionPoint other.Point is outside the root package test of plugin 'p', and"
                        + " no @Plugin or @PluginApi claims package other: a plugin implementing it would compile"
                        + " without depending on 'p' and fail with NoClassDefFoundError when 'p' is absent. Move it"
                        + " under test, or put @PluginApi(\"p\") on the package-info of other")
                .inFile(point).onLine(2).atColumn(1);
    }

    @Test
    void warnsAboutAPointInAPackageClaimedByAnotherPlugin() {
        JavaFileObject api = source("other.package-info", "@dev.graft.PluginApi(\"q\")", "package other;");
        JavaFileObject point = source("other.sub.Point", "package other.sub;", "@dev.graft.ExtensionPoint",
                "public interface Point {}");
        Compilation compilation = compile(plugin("id = \"p\""), greeter(), api, point);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("@ExtensionPoint other.sub.Point is in package other.sub, which"
                        + " belongs to plugin 'q' (package other), so plugin 'p' compiles a copy of another plugin's"
                        + " API; depend on 'q' and compile against its jar instead")
                .inFile(point).onLine(2).atColumn(1);
    }

    @Test
    void acceptsAPointOutsideTheRootPackageThatPluginApiClaims() {
        JavaFileObject api = source("other.package-info", "@dev.graft.PluginApi(\"p\")", "package other;");
        JavaFileObject point = source("other.Point", "package other;", "@dev.graft.ExtensionPoint",
                "public interface Point {}");
        assertThat(compile(plugin("id = \"p\""), greeter(), api, point)).succeededWithoutWarnings();
    }

    @Test
    void warnsAboutAnExtensionOutsideTheRootPackage() {
        JavaFileObject hello = source("other.Hello", "package other;", "@dev.graft.Extension",
                "public class Hello implements test.Greeter {}");
        Compilation compilation = compile(plugin("id = \"p\""), greeter(), hello);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("@Extension class other.Hello is in package other, outside the"
                        + " root package test of plugin 'p'; a plugin's classes belong in its root package and its"
                        + " subpackages, where ownership and exports apply to them: move it under test")
                .inFile(hello).onLine(2).atColumn(1);
    }

    @Test
    void warnsAboutAPointThatIsNotPublic() {
        JavaFileObject point = source("test.Hidden", "package test;", "@dev.graft.ExtensionPoint", "interface Hidden {}");
        Compilation compilation = compile(plugin("id = \"p\""), point);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("@ExtensionPoint test.Hidden is not public, so neither the host"
                        + " nor other plugins can name it to ask for its extensions; make it public, unless it is"
                        + " meant for the plugin's own package alone")
                .inFile(point).onLine(2).atColumn(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.util", "java.*", "javax.net", "javax.swing.*", "org.w3c.dom"})
    void rejectsExportingAJdkPackage(String export) {
        String arguments = "id = \"p\", exports = \"" + export + "\"";
        JavaFileObject file = plugin(arguments);
        assertThat(failing(file, greeter()))
                .hadErrorContaining("@Plugin on package test exports '" + export + "', a package of the JDK: the loader"
                        + " gives every plugin the JDK's own classes of it, never a plugin's, so the export could never"
                        + " take effect; remove it")
                .inFile(file).onLine(1).atColumn(column("@Plugin(" + arguments + ")", "\"" + export));
    }

    @Test
    void acceptsExportingAJavaxPackageOutsideTheJdk() {
        JavaFileObject inject = source("javax.inject.Named", "package javax.inject;", "public @interface Named {}");
        assertThat(compile(plugin("id = \"p\", exports = \"javax.inject\""), greeter(), inject)).succeeded();
    }
}
