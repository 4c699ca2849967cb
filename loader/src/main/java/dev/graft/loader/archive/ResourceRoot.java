package dev.graft.loader.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import java.util.Set;
import java.util.jar.Manifest;

/**
 * One place classes and resources come from: a plugin's {@code classes/} (a directory, or a
 * folder inside a zip), or one jar of its {@code lib/}. A root lists its entries once, when it is
 * opened, so that class loaders route lookups by package instead of probing.
 */
public interface ResourceRoot extends Closeable {

    /** @return a short description for messages, such as {@code plugin.zip!/classes/} */
    String describe();

    /**
     * How messages name an entry of this root: {@code plugin.zip!/classes/a/B.class},
     * {@code plugin.jar!/a/B.class}. A jar's own description is its name alone, so {@code !/}
     * goes between the two.
     *
     * @param path the entry path
     * @return the entry's name for messages
     */
    default String entryName(String path) {
        String d = describe();
        return d.endsWith("/") ? d + path : d + "!/" + path;
    }

    /**
     * The directories that hold at least one entry, in slash form without trailing slash
     * ({@code "com/example/api"}, {@code "META-INF/services"}, {@code ""} for the root).
     *
     * @return the directories
     */
    Set<String> directories();

    /**
     * The directories that hold at least one {@code .class} file, in slash form.
     *
     * @return the class directories, a subset of {@link #directories()}
     */
    Set<String> classDirectories();

    /**
     * The packages of which some of the given roots hold classes.
     *
     * @param roots the roots
     * @return the package names, dotted
     */
    static Set<String> packages(List<ResourceRoot> roots) {
        Set<String> packages = new java.util.HashSet<>();
        for (ResourceRoot root : roots) {
            for (String dir : root.classDirectories()) {
                packages.add(dir.replace('/', '.'));
            }
        }
        return packages;
    }

    /**
     * Reads an entry, resolving multi-release versions for the running JVM.
     *
     * @param path the entry path, for example {@code com/example/Foo.class}
     * @return the bytes, or {@code null} if there is no such entry
     * @throws IOException if the entry cannot be read
     */
    byte[] read(String path) throws IOException;

    /**
     * Opens an entry.
     *
     * @param path the entry path
     * @return a stream, or {@code null} if there is no such entry
     * @throws IOException if the entry cannot be opened
     */
    InputStream open(String path) throws IOException;

    /**
     * A URL for an entry. Reading it goes through this root, not through the JDK's jar cache, so
     * closing the root releases the file.
     *
     * @param path the entry path
     * @return the URL, or {@code null} if there is no such entry
     */
    URL url(String path);

    /**
     * A URL of a directory, for class-path scanning: Spring's {@code PathMatchingResourcePatternResolver}
     * lists what lies below it. Opening it gives an empty stream; a URL made relative to it reads the
     * entry of that name through this root.
     *
     * @param name a directory name that {@link DirectoryName#isAnswerable} accepts, ending in {@code /}
     * @return the URL, or {@code null} if this root holds neither the directory nor anything below it
     */
    URL directoryUrl(String name);

    /** @return the code source of classes defined from this root */
    CodeSource codeSource();

    /** @return the jar manifest, or {@code null} */
    Manifest manifest();

    /** @return whether the root holds the entry */
    boolean contains(String path);

    /** Directory of a slash-separated entry path, {@code ""} for top-level entries. */
    static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

}
