package dev.graft.bench;

import dev.graft.processor.GraftProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Generates the Spring start-up benchmark's workspace, {@code benchmarks/target/workspace/spring-n<N>/}:
 * <ul>
 *   <li>{@code host.jar}: the host's classes ({@link SpringChild} and the point {@code bench.spring.Greeter}),
 *       copied from this module's jar;
 *   <li>N plugins, each compiled once through graft-processor: in {@code bench.plugin.p000}, a
 *       {@code @Service} implementing {@code Greeter} whose constructor calls kotlin-stdlib and
 *       Jackson, a {@code @RestController} with one mapping ({@code /p000/hello}) and a
 *       {@code @Component}, each carrying Graft's {@code @Extension} beside its stereotype;
 *   <li>{@code graft/p000.zip}: {@code classes/} (with the processor's index and manifest) and
 *       {@code lib/} holding kotlin-stdlib and Jackson, stored as {@code graft:package} stores them;
 *   <li>{@code pf4j/p000.zip}: the same classes and {@code lib/}, {@code plugin.properties} and pf4j's
 *       {@code classes/META-INF/extensions.idx} naming the three beans (pf4j's own processor refuses
 *       classes that do not implement its {@code ExtensionPoint});
 *   <li>{@code flat/p000.jar}: the classes and their folders, for the host's class path.
 * </ul>
 * Deterministic: fixed sources, sorted entries, fixed entry times. Generated once; a marker file
 * says the generation finished.
 */
final class SpringPlugins {

    private SpringPlugins() {
    }

    /** @return the workspace folder for {@code n} plugins, generated if it is not yet complete */
    static Path ensure(int n) throws IOException {
        Path root = Workspace.home().resolve("workspace/spring-n" + n);
        if (Files.isRegularFile(root.resolve(".complete"))) {
            return root;
        }
        long start = System.nanoTime();
        System.err.printf("generating %d Spring plugins in %s%n", n, root);
        Archives.write(root.resolve("host.jar"), "", hostClasses());
        List<Path> classpath = new ArrayList<>(SpringClassPath.all());
        classpath.add(root.resolve("host.jar"));
        Map<String, byte[]> libraries = new TreeMap<>();
        for (Path jar : SpringClassPath.bundled()) {
            libraries.put("lib/" + jar.getFileName(), Files.readAllBytes(jar));
        }
        for (int i = 0; i < n; i++) {
            plugin(root, SpringChild.pluginId(i), classpath, libraries);
        }
        Files.writeString(root.resolve(".complete"), "generated\n");
        System.err.printf("generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return root;
    }

    private static void plugin(Path root, String id, List<Path> classpath, Map<String, byte[]> libraries)
            throws IOException {
        Path build = Files.createDirectories(root.resolve("build/" + id));
        Javac.compile(sources(id), classpath, build, List.of(new GraftProcessor()), List.of("-Agraft.version=1.0.0"));
        Map<String, byte[]> classes = Archives.files(build, name -> true);

        Map<String, byte[]> graft = new TreeMap<>(libraries);
        classes.forEach((name, bytes) -> graft.put("classes/" + name, bytes));
        Archives.write(root.resolve("graft/" + id + ".zip"), graft, name -> name.startsWith("lib/"));

        Map<String, byte[]> pf4j = new TreeMap<>(libraries);
        classes.forEach((name, bytes) -> {
            if (name.endsWith(".class")) {
                pf4j.put("classes/" + name, bytes);
            }
        });
        String pkg = SpringChild.PLUGIN_PACKAGE + id + ".";
        String prefix = pkg + Character.toUpperCase(id.charAt(0)) + id.substring(1);
        pf4j.put("classes/META-INF/extensions.idx", Archives.text("# the pf4j index of the three beans\n"
                + prefix + "Component\n" + prefix + "Controller\n" + prefix + "Greeter\n"));
        pf4j.put("plugin.properties", Archives.text("plugin.id=" + id + "\nplugin.version=1.0.0\n"));
        Archives.write(root.resolve("pf4j/" + id + ".zip"), pf4j, name -> name.startsWith("lib/"));

        Map<String, byte[]> flat = new TreeMap<>();
        classes.forEach((name, bytes) -> {
            if (name.endsWith(".class")) {
                flat.put(name, bytes);
                // the folders too, as Maven and Gradle write them: Spring's package scan lists them
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    flat.put(name.substring(0, slash + 1), new byte[0]);
                }
            }
        });
        Archives.write(root.resolve("flat/" + id + ".jar"), "", flat);
    }

    /** The three beans and the package's {@code @Plugin}, for plugin {@code id}. */
    static Map<String, String> sources(String id) {
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

    /** The host's classes from this module's jar (or class folder): {@code bench/spring/} and SpringChild. */
    private static Map<String, byte[]> hostClasses() throws IOException {
        Path code = Workspace.apiJar();
        java.util.function.Predicate<String> host = name -> name.startsWith("bench/spring/")
                || name.startsWith("dev/graft/bench/SpringChild");
        if (Files.isDirectory(code)) {
            return Archives.files(code, host);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        try (JarFile jar = new JarFile(code.toFile())) {
            for (ZipEntry e : java.util.Collections.list(jar.entries())) {
                if (!e.isDirectory() && host.test(e.getName())) {
                    classes.put(e.getName(), jar.getInputStream(e).readAllBytes());
                }
            }
        }
        return classes;
    }
}
