package dev.graft.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a plugin archive holds, read from its files: its own class files and its bundled jars, for
 * the commands that look inside (conflicts, verify). A zip or an exploded folder keeps its classes
 * in {@code classes/} and its jars in {@code lib/} (pf4j's development layout: {@code target/classes}
 * and {@code target/lib}); a jar is all its own classes. {@code META-INF/} is not a class root.
 *
 * @param source the plugin's file or folder
 * @param classRoot where the classes are inside it: {@code classes/}, {@code target/classes/} or {@code ""}
 * @param classes internal class name ({@code com/example/Foo}) to class file bytes, sorted
 * @param libraries the bundled jars, by file name
 */
public record PluginContents(Path source, String classRoot, Map<String, byte[]> classes, List<Library> libraries) {

    /**
     * A bundled jar.
     *
     * @param fileName its name in {@code lib/}
     * @param identity what it is: {@code groupId:artifactId} from its Maven {@code pom.properties}, else its
     *     manifest's title or bundle name, else its file name without the version
     * @param version its version, or {@code ""} when the jar does not say
     * @param packages the packages of its classes (dotted), sorted
     */
    public record Library(String fileName, String identity, String version, List<String> packages) {
    }

    /**
     * Reads a plugin archive.
     *
     * @param source a plugin zip, jar or folder
     * @return its contents
     * @throws UncheckedIOException if it cannot be read
     */
    public static PluginContents read(Path source) {
        try {
            if (Files.isDirectory(source)) {
                return folder(source);
            }
            try (ZipFile zip = new ZipFile(source.toFile())) {
                boolean jar = source.getFileName().toString().endsWith(".jar");
                Map<String, byte[]> classes = new TreeMap<>();
                List<Library> libraries = new ArrayList<>();
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    String name = e.getName();
                    if (e.isDirectory()) {
                        continue;
                    }
                    if (jar) {
                        addClass(classes, name, zip, e, source.getFileName() + "!/" + name);
                    } else if (name.startsWith("classes/")) {
                        addClass(classes, name.substring("classes/".length()), zip, e, source.getFileName() + "!/" + name);
                    } else if (name.startsWith("lib/") && name.endsWith(".jar") && name.indexOf('/', 4) < 0) {
                        try (InputStream in = zip.getInputStream(e)) {
                            libraries.add(LibraryIdentity.read(name.substring(4), BoundedRead.read(in, source.getFileName() + "!/" + name)));
                        }
                    }
                }
                return new PluginContents(source, jar ? "" : "classes/", classes, libraries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugin " + source + ": " + e.getMessage(), e);
        }
    }

    private static void addClass(Map<String, byte[]> classes, String name, ZipFile zip, ZipEntry e, String what)
            throws IOException {
        if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
            try (InputStream in = zip.getInputStream(e)) {
                classes.put(name.substring(0, name.length() - ".class".length()), BoundedRead.read(in, what));
            }
        }
    }

    private static PluginContents folder(Path dir) throws IOException {
        Path classesDir = Files.isDirectory(dir.resolve("classes")) ? dir.resolve("classes")
                : Files.isDirectory(dir.resolve("target/classes")) ? dir.resolve("target/classes") : dir;
        Path libDir = Files.isDirectory(dir.resolve("lib")) ? dir.resolve("lib") : dir.resolve("target/lib");
        Map<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = classesDir.relativize(f).toString().replace('\\', '/');
                if (Files.isRegularFile(f) && name.endsWith(".class") && !name.startsWith("META-INF/")
                        && !name.endsWith("module-info.class")) {
                    try (InputStream in = Files.newInputStream(f)) {
                        classes.put(name.substring(0, name.length() - ".class".length()), BoundedRead.read(in, f.toString()));
                    }
                }
            }
        }
        List<Library> libraries = new ArrayList<>();
        if (Files.isDirectory(libDir)) {
            try (Stream<Path> jars = Files.list(libDir)) {
                for (Path jar : (Iterable<Path>) jars.sorted()::iterator) {
                    if (jar.getFileName().toString().endsWith(".jar")) {
                        try (InputStream in = Files.newInputStream(jar)) {
                            libraries.add(LibraryIdentity.read(jar.getFileName().toString(), BoundedRead.read(in, jar.toString())));
                        }
                    }
                }
            }
        }
        String root = dir.relativize(classesDir).toString().replace('\\', '/');
        return new PluginContents(dir, root.isEmpty() ? "" : root + "/", classes, libraries);
    }

    /**
     * Names a class file for messages: {@code p.zip!/classes/com/example/Foo.class}, or the file of
     * an exploded plugin.
     *
     * @param internalName the class
     * @return the entry's name
     */
    public String entryName(String internalName) {
        return source.getFileName() + (Files.isDirectory(source) ? "/" : "!/") + classRoot + internalName + ".class";
    }

    /** @return the packages of the plugin's own classes (dotted), sorted */
    public List<String> ownPackages() {
        return classes.keySet().stream().map(PluginContents::packageOf).distinct().sorted().toList();
    }

    static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    }

}
