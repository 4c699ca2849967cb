package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.graft.processor.Fixtures.INDEX_HEADER;
import static dev.graft.processor.Fixtures.compile;
import static dev.graft.processor.Fixtures.failing;
import static dev.graft.processor.Fixtures.greeter;
import static dev.graft.processor.Fixtures.index;
import static dev.graft.processor.Fixtures.source;
import static dev.graft.processor.SpringStubs.component;
import static dev.graft.processor.SpringStubs.stereotype;
import static dev.graft.processor.SpringStubs.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spring components, recognised by the names of their annotations: an {@code @Extension} class
 * without a derivable extension point is indexed under the stereotype annotation on it.
 */
class SpringStereotypeTest {

    private static final String NO_POINT = "no extension point found for @Extension class test.Task";

    private static String indexOf(JavaFileObject... sources) {
        Compilation compilation = compile(with(sources));
        assertThat(compilation).succeededWithoutWarnings();
        return index(compilation);
    }

    private static String entry(String point, String... classes) {
        StringBuilder text = new StringBuilder("\npoint " + point + "\n");
        for (String name : classes) {
            text.append("  extension ").append(name).append(" ordinal=0\n");
        }
        return text.toString();
    }

    // the hostile cases first

    @Test
    void aMetaAnnotationCycleWithoutAStereotypeTerminatesAndIsNoComponent() {
        JavaFileObject task = component("Task", "@Extension @A", "public class Task {}");
        Compilation compilation = failing(with(source("test.A", "package test;", "@B public @interface A {}"),
                source("test.B", "package test;", "@A public @interface B {}"), task));
        assertThat(compilation).hadErrorContaining(NO_POINT).inFile(task).onLine(5).atColumn(1);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aMetaAnnotationCycleThroughAStereotypeIsAComponent() {
        assertEquals(INDEX_HEADER + entry("org.springframework.stereotype.Service", "test.Task"), indexOf(
                source("test.A", "package test;", "@B public @interface A {}"),
                source("test.B", "package test;", "@A @org.springframework.stereotype.Service public @interface B {}"),
                component("Task", "@Extension @A", "public class Task { public Task(Dep dep) {} }")));
    }

    @Test
    void findsAStereotypeTenLevelsDeep() {
        List<JavaFileObject> sources = new ArrayList<>();
        for (int level = 1; level <= 10; level++) {
            sources.add(stereotype("test.deep", "Level" + level, level == 10 ? "@Component" : "@Level" + (level + 1)));
        }
        sources.add(component("Task", "@Extension @test.deep.Level1", "public class Task { public Task(Dep dep) {} }"));
        assertEquals(INDEX_HEADER + entry("org.springframework.stereotype.Component", "test.Task"),
                indexOf(sources.toArray(JavaFileObject[]::new)));
    }

    @Test
    void anAnnotationNamedComponentInAnotherPackageIsNoStereotype() {
        JavaFileObject task = source("test.Task", "package test;", "import other.Component;",
                "@dev.graft.Extension @Component", "public class Task { public Task(Dep dep) {} }");
        Compilation compilation = failing(with(source("other.Component", "package other;",
                "public @interface Component {}"), stereotype("other", "Service", "@other.Component"), task,
                source("test.Task2", "package test;", "@dev.graft.Extension @other.Service", "public class Task2 {}")));
        assertThat(compilation).hadErrorContaining("@Extension class test.Task has no public no-argument constructor")
                .inFile(task).onLine(3).atColumn(1);
        assertThat(compilation).hadErrorContaining(NO_POINT + ":").inFile(task).onLine(3).atColumn(1);
        assertThat(compilation).hadErrorContaining("no extension point found for @Extension class test.Task2:");
        assertThat(compilation).hadErrorCount(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"public record Task(Dep dep) {} | a record; Graft's policy is that an"
            + " extension is a class", "public enum Task { ONE } | an enum; an extension must be a class that the loader"
            + " can instantiate"})
    void aRecordOrAnEnumAnnotatedComponentIsStillNoExtension(String declaration, String message) {
        JavaFileObject task = component("Task", "@Extension @Component", declaration);
        Compilation compilation = failing(with(task));
        assertThat(compilation).hadErrorContaining("@Extension type test.Task is " + message)
                .inFile(task).onLine(5).atColumn(1);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void theIndexIsTheSameWhateverTheOrderOfTheStereotypeClasses() {
        List<JavaFileObject> sources = List.of(
                component("Api", "@Extension @RestController", "public class Api { public Api(Dep dep) {} }"),
                component("Config", "@Extension(ordinal = 2) @org.springframework.context.annotation.Configuration",
                        "public class Config {}"),
                component("Store", "@Extension @Repository", "public class Store {}"),
                component("Both", "@Extension @Service @Controller", "public class Both {}"),
                component("Plain", "@Extension @Component", "public class Plain {}"),
                component("Other", "@Extension(dependency = \"x@^1.0.0\") @Service", "public class Other {}"),
                source("test.Mine", "package test;", "@org.springframework.stereotype.Service public @interface Mine {}"),
                component("Custom", "@Extension @Mine", "public class Custom {}"));
        byte[] first = indexOf(sources.toArray(JavaFileObject[]::new)).getBytes(StandardCharsets.UTF_8);
        assertEquals(INDEX_HEADER
                + "\npoint org.springframework.context.annotation.Configuration\n  extension test.Config ordinal=2\n"
                + entry("org.springframework.stereotype.Component", "test.Plain")
                + entry("org.springframework.stereotype.Controller", "test.Both")
                + entry("org.springframework.stereotype.Repository", "test.Store")
                + entry("org.springframework.stereotype.Service", "test.Both", "test.Custom")
                + "  extension test.Other ordinal=0\n    dependency x@^1.0.0\n"
                + entry("org.springframework.web.bind.annotation.RestController", "test.Api"),
                new String(first, StandardCharsets.UTF_8));
        Random random = new Random(15);
        for (int run = 0; run < 4; run++) {
            List<JavaFileObject> order = new ArrayList<>(sources);
            Collections.shuffle(order, random);
            assertArrayEquals(first, indexOf(order.toArray(JavaFileObject[]::new)).getBytes(StandardCharsets.UTF_8));
        }
    }

    // what is indexed, and under which point

    @ParameterizedTest
    @CsvSource({
        "Component, org.springframework.stereotype.Component",
        "Service, org.springframework.stereotype.Service",
        "RestController, org.springframework.web.bind.annotation.RestController",
        "org.springframework.context.annotation.Configuration, org.springframework.context.annotation.Configuration",
    })
    void indexesAComponentWithoutPointUnderTheStereotypeOnIt(String annotation, String point) {
        assertEquals(INDEX_HEADER + entry(point, "test.Task"),
                indexOf(component("Task", "@Extension @" + annotation, "public class Task implements java.io.Serializable {}")));
    }

    @Test
    void aComposedStereotypeIsIndexedUnderTheNearestSpringStereotypeTiesByName() {
        assertEquals(INDEX_HEADER
                + entry("org.springframework.stereotype.Repository", "test.TieTask")
                + entry("org.springframework.web.bind.annotation.RestController", "test.NearTask"), indexOf(
                stereotype("test", "Deep", "@Service"),
                stereotype("test", "Near", "@Deep @org.springframework.web.bind.annotation.RestController"),
                stereotype("test", "Tie", "@Service @Repository"),
                component("NearTask", "@Extension @Near", "public class NearTask {}"),
                component("TieTask", "@Extension @Tie", "public class TieTask {}")));
    }

    @Test
    void aComponentWithADerivablePointKeepsItAlone() {
        assertEquals(INDEX_HEADER + entry("test.Greeter", "test.Task"),
                indexOf(greeter(), component("Task", "@Extension @Service", "public class Task implements Greeter {}")));
    }

    @Test
    void aStereotypeIsNoPluginsApiEvenInAPackageAPluginClaims() {
        JavaFileObject claim = source("org.springframework.stereotype.package-info", "@dev.graft.PluginApi(\"spring\")",
                "package org.springframework.stereotype;");
        assertEquals(INDEX_HEADER + entry("org.springframework.stereotype.Service", "test.Task"),
                indexOf(claim, component("Task", "@Extension @Service", "public class Task {}")));
    }

    @Test
    void namedIsNoStereotype() {
        JavaFileObject task = component("Task", "@Extension @jakarta.inject.Named", "public class Task {}");
        assertThat(failing(with(task))).hadErrorContaining(NO_POINT + ":").inFile(task).onLine(5).atColumn(1);
    }
}
