package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.graft.processor.Fixtures.compile;
import static dev.graft.processor.Fixtures.failing;
import static dev.graft.processor.Fixtures.greeter;
import static dev.graft.processor.SpringStubs.component;
import static dev.graft.processor.SpringStubs.with;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The constructor rule: a plain extension needs a public no-argument constructor; a Spring
 * component may instead have the one constructor Spring injects, which must be public.
 */
class SpringConstructorTest {

    private static final String AUTOWIRED = "@org.springframework.beans.factory.annotation.Autowired";

    /** Asserts one error, on the {@code @Extension} of {@code file} (line 5). */
    private static void assertOnlyError(JavaFileObject file, String message) {
        Compilation compilation = failing(with(greeter(), file));
        assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(5).atColumn(1);
        assertThat(compilation).hadErrorCount(1);
    }

    // the hostile cases first

    @Test
    void rejectsTwoAutowiredConstructors() {
        assertOnlyError(component("Task", "@Extension @Service", "public class Task {",
                "    " + AUTOWIRED + " public Task(Dep dep) {}",
                "    @jakarta.inject.Inject public Task(String name, int size) {}",
                "    public Task() {}", "}"),
                "@Extension class test.Task is a Spring component with 2 constructors annotated @Autowired or @Inject:"
                + " Task(test.Dep), Task(java.lang.String, int); Spring calls exactly one. Keep the annotation on"
                + " the one Spring should call, or keep a single public constructor");
    }

    @Test
    void rejectsAPrivateSingleConstructor() {
        assertOnlyError(component("Task", "@Extension @Service", "public class Task {",
                "    private Task(Dep dep) {}", "}"),
                "@Extension class test.Task is a Spring component that Spring would create through Task(test.Dep),"
                + " which is not public; make that constructor public");
    }

    @Test
    void rejectsAnAutowiredConstructorThatIsNotPublic() {
        assertOnlyError(component("Task", "@Extension @Service", "public class Task {",
                "    " + AUTOWIRED + " Task(Dep dep) {}", "    public Task() {}", "}"),
                "@Extension class test.Task is a Spring component that Spring would create through Task(test.Dep),"
                + " which is not public; make that constructor public");
    }

    @Test
    void rejectsSeveralConstructorsNoneMarked() {
        assertOnlyError(component("Task", "@Extension @Service", "public class Task {",
                "    public Task(Dep dep) {}", "    public Task(String name) {}", "    Task() {}", "}"),
                "@Extension class test.Task is a Spring component with 3 constructors, none annotated @Autowired or"
                + " @Inject and none public without parameters: Task(test.Dep), Task(java.lang.String), Task();"
                + " Spring cannot tell which to call. Annotate the one Spring should call with @Autowired, or keep"
                + " a single public constructor");
    }

    @Test
    void aPlainExtensionStillNeedsAPublicNoArgumentConstructor() {
        assertOnlyError(component("Task", "@Extension", "public class Task implements Greeter {",
                "    public Task(Dep dep) {}", "}"),
                "@Extension class test.Task has no public no-argument constructor, which the loader uses to"
                + " instantiate it; add 'public Task() { ... }'");
    }

    @Test
    void aNamedClassIsAPlainExtension() {
        assertOnlyError(component("Task", "@Extension @jakarta.inject.Named", "public class Task implements Greeter {",
                "    @jakarta.inject.Inject public Task(Dep dep) {}", "}"),
                "@Extension class test.Task has no public no-argument constructor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"@Extension", "@Extension @Service"})
    void aClassThatIsNotPublicGetsOnlyThatError(String annotations) {
        assertOnlyError(component("Task", annotations, "class Task implements Greeter {}"),
                "@Extension class test.Task is not public; make it public so that the loader can instantiate it");
    }

    // what is accepted

    @ParameterizedTest
    @ValueSource(strings = {
        "public Task(Dep dep) {}",
        "public Task(Dep dep) {} public Task(String name) {} public Task() {}",
        AUTOWIRED + " public Task(Dep dep) {} public Task(String name) {}",
        "@jakarta.inject.Inject public Task(Dep dep) {} public Task(String name) {}",
        "@javax.inject.Inject public Task(Dep dep) {} private Task(String name) {}",
        AUTOWIRED + "(required = false) public Task(Dep dep) {} public Task() {}",
        "",
    })
    void acceptsTheConstructorSpringInjects(String constructors) {
        assertThat(compile(with(component("Task", "@Extension @RestController", "public class Task {",
                "    " + constructors, "}")))).succeededWithoutWarnings();
    }
}
