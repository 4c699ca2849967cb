package dev.graft.bench;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The Java sources of the synthetic plugins, generated with javapoet: per plugin, M extension
 * classes annotated for both Graft and pf4j, spread over the points {@code bench.api.Point0..4}
 * (sources of this module), plus a factory class used only by the factory experiment.
 */
final class Sources {

    static final String API_PACKAGE = "bench.api";

    private Sources() {
    }

    static String pluginId(int i) {
        return String.format("p%05d", i);
    }

    /** The sources of plugin {@code i}: package-info with @Plugin, M extensions, and the factory. */
    static Map<String, String> plugin(int i, int m, int k) {
        String pkg = pluginId(i);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(pkg + ".package-info", "@dev.graft.Plugin(id = \"" + pkg + "\")\npackage " + pkg + ";\n");
        CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch (name)");
        for (int j = 0; j < m; j++) {
            String name = "E" + j;
            TypeSpec extension = TypeSpec.classBuilder(name)
                    .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                    .addAnnotation(ClassName.get("dev.graft", "Extension"))
                    .addAnnotation(AnnotationSpec.builder(ClassName.get("org.pf4j", "Extension")).build())
                    .addSuperinterface(ClassName.get(API_PACKAGE, "Point" + (j % k)))
                    .addMethod(MethodSpec.methodBuilder("id").addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                            .addStatement("return $L", i * m + j).build())
                    .build();
            files.put(pkg + "." + name, JavaFile.builder(pkg, extension).build().toString());
            cases.add("case $S: return new $L();\n", pkg + "." + name, name);
        }
        cases.add("default: throw new $T(name);\n", IllegalArgumentException.class).endControlFlow();
        TypeSpec factory = TypeSpec.classBuilder("GraftFactory")
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(ClassName.get(Function.class), ClassName.get(String.class),
                        ClassName.get(Object.class)))
                .addMethod(MethodSpec.methodBuilder("apply").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).addParameter(String.class, "name").returns(Object.class)
                        .addCode(cases.build()).build())
                .build();
        files.put(pkg + ".GraftFactory", JavaFile.builder(pkg, factory).build().toString());
        return files;
    }
}
