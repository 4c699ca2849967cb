package dev.graft.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * The Java sources of the Spring start-up benchmark's plugins. Plugin {@code p000}, in package
 * {@code bench.plugin.p000}: a {@code @Service} implementing the host's {@code bench.spring.Greeter}
 * whose constructor calls kotlin-stdlib ({@code CollectionsKt}) and Jackson
 * ({@code new ObjectMapper().writeValueAsString(...)}), a {@code @RestController} with one mapping
 * ({@code /p000/hello}) and a {@code @Component} that calls kotlin-stdlib, each carrying Graft's
 * {@code @Extension} beside its stereotype, and the package's {@code @Plugin}. Class names carry the
 * plugin's id, as separate plugins' classes do, so that the flat host's scan names no bean twice.
 */
final class SpringSources {

    private SpringSources() {
    }

    /** The three beans and the package's {@code @Plugin}, for plugin {@code id}. */
    static Map<String, String> plugin(String id) {
        String pkg = SpringChild.PLUGIN_PACKAGE + id;
        String type = Character.toUpperCase(id.charAt(0)) + id.substring(1);
        Map<String, String> files = new TreeMap<>();
        files.put(pkg + ".package-info", "@dev.graft.Plugin(id = \"" + id + "\")\npackage " + pkg + ";\n");
        files.put(pkg + "." + type + "Greeter", """
                package %1$s;

                import com.fasterxml.jackson.core.JsonProcessingException;
                import com.fasterxml.jackson.databind.ObjectMapper;
                import java.util.List;
                import java.util.Map;
                import kotlin.collections.CollectionsKt;

                @dev.graft.Extension
                @org.springframework.stereotype.Service
                public class %2$sGreeter implements bench.spring.Greeter {
                    private final String greeting;

                    public %2$sGreeter() {
                        List<String> words = CollectionsKt.reversed(CollectionsKt.listOf("%3$s", "hello"));
                        try {
                            greeting = new ObjectMapper().writeValueAsString(Map.of("plugin", "%3$s", "words", words));
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException(e);
                        }
                    }

                    @Override
                    public String greet(String name) {
                        return greeting + " " + name;
                    }
                }
                """.formatted(pkg, type, id));
        files.put(pkg + "." + type + "Controller", """
                package %1$s;

                @dev.graft.Extension
                @org.springframework.web.bind.annotation.RestController
                public class %2$sController {
                    @org.springframework.web.bind.annotation.GetMapping("/%3$s/hello")
                    public String hello() {
                        return "%3$s";
                    }
                }
                """.formatted(pkg, type, id));
        files.put(pkg + "." + type + "Component", """
                package %1$s;

                @dev.graft.Extension
                @org.springframework.stereotype.Component
                public class %2$sComponent {
                    private final String name = kotlin.text.StringsKt.repeat("%3$s", 2);

                    public String name() {
                        return name;
                    }
                }
                """.formatted(pkg, type, id));
        return files;
    }
}
