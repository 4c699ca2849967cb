package dev.graft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jars of the Spring start-up benchmark, from {@code target/spring-lib} (Maven copies them
 * there; they are never on this module's own class path), sorted into what every host has (Spring
 * Boot's web starter, with its Jackson), what only one peer's host has (its framework), and the
 * libraries the plugins bundle.
 */
final class SpringClassPath {

    /** What a jar is for. */
    enum Kind {
        /** Spring Boot's web starter and its dependencies, Jackson included: every host. */
        COMMON,
        /** graft-spring-boot-starter and Graft: the Graft host only. */
        GRAFT,
        /** pf4j-spring and pf4j: the pf4j-spring host only. */
        PF4J,
        /** kotlin-stdlib and its annotations: bundled by every plugin; on the flat host's class path. */
        PLUGIN_LIBRARY
    }

    /** The file-name starts of the jars each plugin bundles in {@code lib/} (Graft, pf4j). */
    static final List<String> BUNDLED = List.of("kotlin-stdlib-", "annotations-13", "jackson-databind-",
            "jackson-core-", "jackson-annotations-");

    private SpringClassPath() {
    }

    /** @return what the jar named {@code fileName} is for */
    static Kind kind(String fileName) {
        if (fileName.startsWith("graft-")) {
            return Kind.GRAFT;
        }
        if (fileName.startsWith("pf4j-") || fileName.startsWith("java-semver-")
                || fileName.startsWith("javax.annotation-api-")) {
            return Kind.PF4J;
        }
        if (fileName.startsWith("kotlin-stdlib-") || fileName.startsWith("annotations-13")) {
            return Kind.PLUGIN_LIBRARY;
        }
        return Kind.COMMON;
    }

    /** @return every jar of {@code target/spring-lib}, sorted by name */
    static List<Path> all() {
        List<Path> jars = new ArrayList<>();
        Path dir = Workspace.home().resolve("spring-lib");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jar")) {
            files.forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException("no " + dir + "; build the module: mvn -B -q package -DskipTests -pl benchmarks", e);
        }
        jars.sort(null);
        return jars;
    }

    /** @return the jars of these kinds, sorted by name */
    static List<Path> of(Kind... kinds) {
        List<Kind> wanted = List.of(kinds);
        return all().stream().filter(p -> wanted.contains(kind(p.getFileName().toString()))).toList();
    }

    /** @return the jars each plugin bundles in {@code lib/} */
    static List<Path> bundled() {
        return all().stream().filter(p -> BUNDLED.stream().anyMatch(p.getFileName().toString()::startsWith)).toList();
    }
}
