package dev.graft.processor;

import static dev.graft.processor.Fixtures.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Stand-ins for Spring's annotations, compiled with the sources under test: the processor knows
 * Spring's annotations by their names only, and these have the real names and meta-annotations.
 */
final class SpringStubs {

    /** {@code @Component} and the stereotypes meta-annotated with it, as in Spring. */
    static final List<JavaFileObject> ALL = List.of(
            source("org.springframework.stereotype.Component", "package org.springframework.stereotype;",
                    "import java.lang.annotation.*;",
                    "@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME) @Documented",
                    "public @interface Component { String value() default \"\"; }"),
            stereotype("org.springframework.stereotype", "Service", "@Component"),
            stereotype("org.springframework.stereotype", "Repository", "@Component"),
            stereotype("org.springframework.stereotype", "Controller", "@Component"),
            source("org.springframework.web.bind.annotation.ResponseBody",
                    "package org.springframework.web.bind.annotation;", "public @interface ResponseBody {}"),
            stereotype("org.springframework.web.bind.annotation", "RestController",
                    "@org.springframework.stereotype.Controller @ResponseBody"),
            // Spring's own is meta-annotated @Component; the processor recognises it by its name alone
            stereotype("org.springframework.context.annotation", "Configuration", ""),
            source("org.springframework.beans.factory.annotation.Autowired",
                    "package org.springframework.beans.factory.annotation;",
                    "public @interface Autowired { boolean required() default true; }"),
            source("jakarta.inject.Inject", "package jakarta.inject;", "public @interface Inject {}"),
            source("javax.inject.Inject", "package javax.inject;", "public @interface Inject {}"),
            source("jakarta.inject.Named", "package jakarta.inject;", "public @interface Named { String value() default \"\"; }"),
            source("test.Dep", "package test;", "public class Dep {}"));

    private SpringStubs() {
    }

    /**
     * @param pkg the package
     * @param name the simple name
     * @param meta the annotations on it, for example {@code @Component}
     * @return an annotation type with run-time retention, as Spring's stereotypes are
     */
    static JavaFileObject stereotype(String pkg, String name, String meta) {
        return source(pkg + "." + name, "package " + pkg + ";", "import org.springframework.stereotype.*;",
                "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) " + meta,
                "public @interface " + name + " {}");
    }

    /**
     * A class in package {@code test} importing {@code dev.graft.Extension} and Spring's stereotypes.
     *
     * @param name the simple name
     * @param lines the lines from line 5 on: annotations and the declaration
     * @return the source
     */
    static JavaFileObject component(String name, String... lines) {
        List<String> all = new ArrayList<>(List.of("package test;", "import dev.graft.Extension;",
                "import org.springframework.stereotype.*;", "import org.springframework.web.bind.annotation.*;"));
        all.addAll(Arrays.asList(lines));
        return source("test." + name, all.toArray(String[]::new));
    }

    /**
     * @param sources the sources under test
     * @return the plugin {@code p}, the stubs and the sources
     */
    static JavaFileObject[] with(JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>();
        all.add(Fixtures.plugin("id = \"p\""));
        all.addAll(ALL);
        all.addAll(Arrays.asList(sources));
        return all.toArray(JavaFileObject[]::new);
    }
}
