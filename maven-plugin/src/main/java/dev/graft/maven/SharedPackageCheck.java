package dev.graft.maven;

import dev.graft.format.PackagePattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds classes a plugin would bundle in a package its host shares. The host's copy always wins at
 * run time, so a bundled copy is dead weight at best and, when its version differs, the source of
 * a {@code NoSuchMethodError}: the build fails instead, naming the jar, how it got there, and the
 * package.
 */
public final class SharedPackageCheck {

    private SharedPackageCheck() {
    }

    /**
     * @param classes the plugin's class output directory
     * @param bundled what lib/ would hold
     * @param sharedPackages the host's shared package patterns ({@code a.b}, {@code a.b.*})
     * @return one problem per jar (or the plugin's classes) and package; empty when there is none
     * @throws IOException if a jar cannot be read
     */
    public static List<String> problems(Path classes, Map<String, DependencyArtifact> bundled,
            List<String> sharedPackages) throws IOException {
        List<String> problems = new ArrayList<>();
        if (sharedPackages.isEmpty()) {
            return problems;
        }
        for (String pkg : ownPackages(classes, sharedPackages)) {
            problems.add("the plugin's own classes declare package " + pkg + ", which the host shares: the host's"
                    + " classes always win, so these are never used; move them to a package of the plugin");
        }
        for (DependencyArtifact a : bundled.values()) {
            for (String pkg : jarPackages(a.file(), sharedPackages)) {
                problems.add(a.coordinates() + " (" + String.join(" -> ", a.trail()) + ") bundles classes of package "
                        + pkg + ", which the host shares: give that dependency <scope>provided</scope>, exclude it,"
                        + " or list it in <hostProvided>");
            }
        }
        return problems;
    }

    private static TreeSet<String> ownPackages(Path classes, List<String> shared) throws IOException {
        TreeSet<String> found = new TreeSet<>();
        if (!Files.isDirectory(classes)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String rel = classes.relativize(f).toString().replace('\\', '/');
                addIfShared(rel, shared, found);
            }
        }
        return found;
    }

    private static TreeSet<String> jarPackages(Path jar, List<String> shared) throws IOException {
        TreeSet<String> found = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                addIfShared(en.nextElement().getName(), shared, found);
            }
        }
        return found;
    }

    private static void addIfShared(String path, List<String> shared, TreeSet<String> found) {
        if (!path.endsWith(".class") || path.startsWith("META-INF/") || path.endsWith("module-info.class")) {
            return;
        }
        int slash = path.lastIndexOf('/');
        String pkg = slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
        for (String pattern : shared) {
            if (PackagePattern.matches(pattern, pkg)) {
                found.add(pkg);
                return;
            }
        }
    }
}
