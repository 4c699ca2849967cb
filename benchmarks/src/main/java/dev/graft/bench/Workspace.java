package dev.graft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where generated plugins live: {@code benchmarks/target/workspace/n<N>-m<M>-k<K>/} with one folder
 * per peer format ({@code graft/}, {@code pf4j/}, {@code services/}, {@code plain/},
 * {@code graft-factory/}). Generated once per shape; a marker file says the
 * generation finished.
 *
 * @param root the shape's folder
 * @param n plugins
 * @param m extensions per plugin
 * @param k extension points
 */
public record Workspace(Path root, int n, int m, int k) {

    /** The folder formats. */
    public static final String GRAFT = "graft";
    /** Graft zips whose plugins also hold a generated factory class. */
    public static final String GRAFT_FACTORY = "graft-factory";
    /** pf4j jars for JarPluginManager. */
    public static final String PF4J = "pf4j";
    /** Jars with META-INF/services. */
    public static final String SERVICES = "services";
    /** Jars with classes only, for a class-path scan. */
    public static final String PLAIN = "plain";

    /**
     * @param n plugins
     * @param m extensions per plugin
     * @param k extension points
     * @return the workspace of that shape under {@code benchmarks/target/workspace}
     */
    public static Workspace of(int n, int m, int k) {
        return new Workspace(home().resolve("workspace").resolve("n" + n + "-m" + m + "-k" + k), n, m, k);
    }

    /** @return {@code benchmarks/target}, the folder holding the benchmarks jar */
    public static Path home() {
        try {
            return Path.of(Workspace.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the jars next to the benchmarks jar ({@code target/lib}), sorted */
    public static List<Path> libraries() {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(home().resolve("lib"), "*.jar")) {
            files.forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException("no target/lib next to the benchmarks jar; run mvn -B -q install -DskipTests", e);
        }
        jars.sort(null);
        return jars;
    }

    /**
     * @param prefix the start of a jar file name, such as {@code graft-loader-}
     * @return that jar of {@link #libraries()}
     */
    public static Path library(String prefix) {
        return libraries().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in target/lib"));
    }

    /** @return the folder of one format */
    public Path folder(String format) {
        return root.resolve(format);
    }

    /** @return the jar holding the extension points {@code bench.api.Point0..4}: this module's */
    public static Path apiJar() {
        try {
            return Path.of(bench.api.Point0.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of extension points the benchmarks' API declares. */
    public static final int POINTS = 5;

    /** @return whether generation completed */
    public boolean isComplete() {
        return isComplete(root);
    }

    /**
     * @param root a generated folder (a cold-start workspace, the Spring one)
     * @return whether it was generated completely, in the current {@link #LAYOUT}
     */
    static boolean isComplete(Path root) {
        try {
            return Files.isRegularFile(root.resolve(".complete"))
                    && Files.readString(root.resolve(".complete")).equals(LAYOUT);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What {@code .complete} says of a workspace of the current layout; one written by an earlier
     * layout (before Graft's metadata was stored as {@code graft:package} stores it) is generated again.
     */
    static final String LAYOUT = "generated; graft metadata stored\n";

    /** @return how many extensions of {@code Point0} there are */
    public int point0Extensions() {
        return new Shape(m, k).point0Extensions(n);
    }

    /**
     * The shape of a set of plugins, whatever their number.
     *
     * @param m extensions per plugin
     * @param k extension points
     */
    public record Shape(int m, int k) {
        /** @return how many extensions of {@code Point0} N plugins have: those with {@code j % k == 0} */
        public int point0Extensions(int n) {
            return n * ((m + k - 1) / k);
        }
    }
}
