package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.graft.processor.Fixtures.compile;
import static dev.graft.processor.Fixtures.extension;
import static dev.graft.processor.Fixtures.failing;
import static dev.graft.processor.Fixtures.greeter;
import static dev.graft.processor.Fixtures.plugin;
import static dev.graft.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules for the class carrying {@code @Extension}: the loader must be able to instantiate it. */
class ExtensionClassTest {

    private static void assertError(JavaFileObject file, String message, int line, int column) {
        Compilation compilation = failing(plugin("id = \"p\""), greeter(), file);
        assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line).atColumn(column);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "public interface A extends Greeter {}  | an interface",
        "public enum A implements Greeter { X } | an enum",
        "public @interface A {}                 | an annotation type",
    })
    void rejectsWhatIsNotAClass(String declaration, String kind) {
        JavaFileObject file = extension("A", "@Extension", declaration);
        assertError(file, "@Extension type test.A is " + kind
                + "; an extension must be a class that the loader can instantiate", 3, 1);
    }

    @Test
    void rejectsARecordAsAPolicy() {
        JavaFileObject file = extension("A", "@Extension", "public record A() implements Greeter {}");
        assertError(file, "@Extension type test.A is a record; Graft's policy is that an extension is a class, since a"
                + " record is a data carrier whose state is fixed by its components, not a service (not a limit of"
                + " the loader: one with a public no-argument constructor, or a Spring component, could be created):"
                + " declare test.A as a final class", 3, 1);
    }

    @Test
    void rejectsAnAbstractClass() {
        JavaFileObject file = extension("A", "@Extension", "public abstract class A implements Greeter {}");
        assertError(file, "@Extension class test.A is abstract, so the loader cannot instantiate it; remove 'abstract',"
                + " or annotate a concrete subclass instead", 3, 1);
    }

    @Test
    void rejectsAClassThatIsNotPublic() {
        JavaFileObject file = extension("A", "@Extension", "class A implements Greeter {}");
        assertError(file, "@Extension class test.A is not public; make it public so that the loader can instantiate it",
                3, 1);
    }

    @Test
    void rejectsAnInnerClass() {
        JavaFileObject file = source("test.Outer",
                "package test;",
                "public class Outer {",
                "    @dev.graft.Extension",
                "    public class Inner implements Greeter {}",
                "}");
        assertError(file, "@Extension class test.Outer.Inner is an inner class, which needs an instance of test.Outer"
                + " to be created; declare it static", 3, 5);
    }

    @Test
    void rejectsALocalClass() {
        // javac does not hand local classes to processors; the processor finds them in the syntax trees
        JavaFileObject file = source("test.Outer",
                "package test;",
                "import dev.graft.Extension;",
                "public class Outer {",
                "    void method() {",
                "        @dev.graft.Extension class Local implements Greeter {}",
                "        Runnable r = () -> {",
                "            @Extension final class InLambda implements Greeter {}",
                "        };",
                "    }",
                "}");
        Compilation compilation = failing(plugin("id = \"p\""), greeter(), file);
        assertThat(compilation).hadErrorContaining("@Extension class Local is a local class, which the loader cannot"
                + " name; make it a top-level class or a public static nested class").inFile(file).onLine(5).atColumn(9);
        assertThat(compilation).hadErrorContaining("@Extension class InLambda is a local class")
                .inFile(file).onLine(7).atColumn(13);
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void ignoresAnotherAnnotationNamedExtensionOnALocalClass() {
        JavaFileObject own = source("test.other.Extension", "package test.other;",
                "public @interface Extension {}");
        JavaFileObject file = source("test.Outer",
                "package test;",
                "import dev.graft.*;",
                "import test.other.Extension;",
                "public class Outer {",
                "    void method() {",
                "        @Extension class Local {}",
                "    }",
                "}");
        assertThat(compile(plugin("id = \"p\""), own, file)).succeededWithoutWarnings();
    }

    @Test
    void rejectsANestedClassInAClassThatIsNotPublic() {
        JavaFileObject file = source("test.Outer",
                "package test;",
                "class Outer {",
                "    @dev.graft.Extension",
                "    public static class Nested implements Greeter {}",
                "}");
        assertError(file, "@Extension class test.Outer.Nested is nested in test.Outer, which is not public; Graft's"
                + " policy is that an extension is public all the way out, as visible as the index that names it (the"
                + " loader itself could instantiate it): make test.Outer public", 3, 5);
    }

    @Test
    void rejectsAClassWithoutAPublicNoArgumentConstructor() {
        JavaFileObject file = source("test.A",
                "package test;",
                "@dev.graft.Extension",
                "public class A implements Greeter {",
                "    public A(String name) {}",
                "    A() {}",
                "}");
        assertError(file, "@Extension class test.A has no public no-argument constructor, which the loader uses to"
                + " instantiate it; add 'public A() { ... }'", 2, 1);
    }

    @Test
    void acceptsTheImplicitConstructorAndAnExplicitOneBesideOthers() {
        Compilation compilation = compile(plugin("id = \"p\""), greeter(),
                extension("A", "@Extension", "public class A implements Greeter {}"),
                source("test.B",
                        "package test;",
                        "@dev.graft.Extension",
                        "public final class B implements Greeter {",
                        "    public B(int size) {}",
                        "    public B() {}",
                        "}"));
        assertThat(compilation).succeededWithoutWarnings();
    }
}
