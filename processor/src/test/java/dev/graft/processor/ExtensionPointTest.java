package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.graft.processor.Fixtures.INDEX_HEADER;
import static dev.graft.processor.Fixtures.compile;
import static dev.graft.processor.Fixtures.extension;
import static dev.graft.processor.Fixtures.failing;
import static dev.graft.processor.Fixtures.greeter;
import static dev.graft.processor.Fixtures.index;
import static dev.graft.processor.Fixtures.plugin;
import static dev.graft.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How the extension points of an {@code @Extension} class are found, and the errors when they are not. */
class ExtensionPointTest {

    private static final JavaFileObject PLUGIN = plugin("id = \"p\"");

    private static String indexOf(JavaFileObject... sources) {
        JavaFileObject[] all = new JavaFileObject[sources.length + 1];
        all[0] = PLUGIN;
        System.arraycopy(sources, 0, all, 1, sources.length);
        Compilation compilation = compile(all);
        assertThat(compilation).succeededWithoutWarnings();
        return index(compilation);
    }

    /** Asserts an error on line 3 of {@code file}, compiled with the plugin and {@code test.Greeter}. */
    private static void assertError(JavaFileObject file, String message, int column) {
        assertThat(failing(PLUGIN, greeter(), file)).hadErrorContaining(message).inFile(file).onLine(3).atColumn(column);
    }

    @Test
    void findsAnnotatedSupertypesTransitivelyBeforeTheFallback() {
        String index = indexOf(greeter(),
                source("test.Named", "package test;", "@dev.graft.ExtensionPoint", "public interface Named {}"),
                source("test.Base", "package test;", "public abstract class Base implements Greeter {}"),
                source("test.Plain", "package test;", "public interface Plain extends Named {}"),
                extension("A", "@Extension", "public class A extends Base implements Plain, Runnable {"
                        + " public void run() {} }"));
        assertEquals(INDEX_HEADER
                + "\npoint test.Greeter\n  extension test.A ordinal=0\n"
                + "\npoint test.Named\n  extension test.A ordinal=0\n", index);
    }

    @Test
    void fallsBackToTheDirectInterfacesOutsideJava() {
        String index = indexOf(
                source("test.Plain", "package test;", "public interface Plain {}"),
                source("test.Other", "package test;", "public interface Other {}"),
                extension("A", "@Extension", "public class A implements Plain, Other, Comparable<A>, javax.swing.Action {"
                        + " public int compareTo(A o) { return 0; } "
                        + " public Object getValue(String k) { return null; } public void putValue(String k, Object v) {}"
                        + " public void setEnabled(boolean b) {} public boolean isEnabled() { return true; }"
                        + " public void addPropertyChangeListener(java.beans.PropertyChangeListener l) {}"
                        + " public void removePropertyChangeListener(java.beans.PropertyChangeListener l) {}"
                        + " public void actionPerformed(java.awt.event.ActionEvent e) {} }"));
        assertEquals(INDEX_HEADER
                + "\npoint test.Other\n  extension test.A ordinal=0\n"
                + "\npoint test.Plain\n  extension test.A ordinal=0\n", index);
    }

    @Test
    void fallsBackToTheSuperclassWhenNoInterfaceCounts() {
        String index = indexOf(
                source("test.Base", "package test;", "public abstract class Base {}"),
                extension("A", "@Extension", "public class A extends Base implements Runnable { public void run() {} }"));
        assertEquals(INDEX_HEADER + "\npoint test.Base\n  extension test.A ordinal=0\n", index);
    }

    @Test
    void explicitPointsTakePrecedence() {
        String index = indexOf(greeter(),
                source("test.Plain", "package test;", "public interface Plain {}"),
                extension("A", "@Extension(points = {Plain.class, Runnable.class})",
                        "public class A implements Greeter, Plain, Runnable { public void run() {} }"));
        assertEquals(INDEX_HEADER
                + "\npoint java.lang.Runnable\n  extension test.A ordinal=0\n"
                + "\npoint test.Plain\n  extension test.A ordinal=0\n", index);
    }

    @Test
    void rejectsAClassWithoutAnyPoint() {
        JavaFileObject file = extension("A", "@Extension", "public class A implements Runnable { public void run() {} }");
        assertError(file, "no extension point found for @Extension class test.A: no supertype is annotated"
                + " @ExtensionPoint, it implements no interface outside java.* and javax.* directly, and it"
                + " extends no class outside java.*. Declare the point in one of three ways: annotate the"
                + " interface or abstract class with @ExtensionPoint; list it in @Extension(points = ...); or"
                + " implement it directly", 1);
    }

    @Test
    void rejectsAnExplicitPointThatIsNotASupertype() {
        JavaFileObject file = extension("A", "@Extension(points = {Greeter.class, Runnable.class})",
                "public class A implements Greeter {}");
        assertError(file, "@Extension class test.A lists java.lang.Runnable in points, but test.A neither"
                + " extends nor implements java.lang.Runnable; an explicit point must be a supertype of the"
                + " extension class", 45); // javac places a class literal at its '.class'
    }

    @Test
    void rejectsAnExplicitPointListedTwice() {
        JavaFileObject file = extension("A", "@Extension(points = {Greeter.class, Greeter.class})",
                "public class A implements Greeter {}");
        // the second element
        assertError(file, "@Extension class test.A lists test.Greeter in points twice; list each point once", 44);
    }

    @Test
    void rejectsAnExplicitPointThatIsNotAClassOrInterface() {
        JavaFileObject file = extension("A", "@Extension(points = int.class)", "public class A implements Greeter {}");
        assertError(file, "@Extension class test.A lists int in points, which is not a class or an"
                + " interface; expected a supertype of test.A", 24);
    }

    @Test
    void rejectsExtensionPointOnAConcreteClassOrAnEnum() {
        JavaFileObject concrete = source("test.Concrete", "package test;", "@dev.graft.ExtensionPoint",
                "public class Concrete {}");
        JavaFileObject kind = source("test.Kind", "package test;", "@dev.graft.ExtensionPoint", "public enum Kind {}");
        Compilation compilation = failing(PLUGIN, concrete, kind);
        assertThat(compilation)
                .hadErrorContaining("@ExtensionPoint test.Concrete is a concrete class; an extension point must be an"
                        + " interface or an abstract class")
                .inFile(concrete).onLine(2).atColumn(1);
        assertThat(compilation)
                .hadErrorContaining("@ExtensionPoint test.Kind is an enum; an extension point must be an interface or"
                        + " an abstract class")
                .inFile(kind).onLine(2).atColumn(1);
    }

    @Test
    void reportsTypesStillUnresolvedAtTheEnd() {
        JavaFileObject file = extension("A", "@Extension", "public class A implements Missing {}");
        assertError(file, "@Extension class test.A cannot be indexed: the compiler cannot resolve Missing (in"
                + " its supertypes or @Extension(points)); check the imports and the class path", 1);
    }

    @Test
    void reportsAnUnresolvedExplicitPoint() {
        JavaFileObject file = extension("A", "@Extension(points = Missing.class)", "public class A implements Greeter {}");
        assertError(file, "@Extension class test.A cannot be indexed: the compiler cannot resolve a class in"
                + " points (in its supertypes or @Extension(points)); check the imports and the class path", 1);
    }

    @Test
    void defersAClassWhosePointIsGeneratedInALaterRound() {
        JavaFileObject file = extension("A", "@Extension(points = Later.class)",
                "public class A implements Later, test.gen.Deep {}");
        Compilation compilation = compile(PLUGIN, file, source("test.Trigger", "package test;",
                "@dev.graft.ExtensionPoint", "public interface Trigger {}"));
        assertThat(compilation).failed(); // without the generator the types never appear
        Compilation generated = com.google.testing.compile.Compiler.javac()
                .withProcessors(new GeneratesSources()
                        .inRound(1, "test.Later", "package test; public interface Later {}")
                        .inRound(2, "test.gen.Deep", "package test.gen; public interface Deep {}"),
                        new GraftProcessor())
                .withOptions("-Agraft.version=1.0.0")
                .compile(PLUGIN, file);
        assertThat(generated).succeededWithoutWarnings();
        assertEquals(INDEX_HEADER + "\npoint test.Later\n  extension test.A ordinal=0\n", index(generated));
    }
}
