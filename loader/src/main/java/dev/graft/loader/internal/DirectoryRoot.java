package dev.graft.loader.internal;

import dev.graft.loader.ArchiveLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A root backed by a directory: the {@code classes/} of an exploded plugin, for development. The
 * file list is taken when the root is opened. A symbolic link that leads outside the directory is
 * rejected, so an exploded plugin cannot read files it does not contain.
 */
public final class DirectoryRoot implements ResourceRoot {

    private final Path dir;
    private final String display;
    private final Set<String> files;
    private final Set<String> directories;
    private final Set<String> classDirectories;
    private final long maxEntryBytes;

    private DirectoryRoot(Path dir, String display, Set<String> files, long maxEntryBytes) {
        this.dir = dir;
        this.display = display;
        this.files = files;
        this.maxEntryBytes = maxEntryBytes;
        ZipRoot.Directories dirs = new ZipRoot.Directories();
        for (String f : files) {
            dirs.add(f);
        }
        this.directories = dirs.all;
        this.classDirectories = dirs.withClasses;
    }

    /**
     * Lists a directory.
     *
     * @param dir the directory
     * @param display how messages name it
     * @param limits the bounds to enforce (entry count, entry size)
     * @return the root
     * @throws IOException if the directory cannot be listed, holds too many files, or holds a
     *     symbolic link that leads outside it
     */
    public static DirectoryRoot open(Path dir, String display, ArchiveLimits limits) throws IOException {
        Path real = dir.toRealPath();
        Set<String> files = new HashSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(p) && !p.toRealPath().startsWith(real)) {
                    throw new ArchiveException(display + dir.relativize(p).toString().replace('\\', '/')
                            + " is a symbolic link that leads outside the plugin, to " + p.toRealPath());
                }
                if (Files.isRegularFile(p)) {
                    files.add(dir.relativize(p).toString().replace('\\', '/'));
                    if (files.size() > limits.maxEntries()) {
                        throw new ArchiveException(display + " has more files than the limit of " + limits.maxEntries());
                    }
                }
            }
        }
        return new DirectoryRoot(dir, display, Collections.unmodifiableSet(files), limits.maxEntryBytes());
    }

    /**
     * A root with no files, for an exploded pf4j plugin without {@code classes/}.
     *
     * @param dir the directory that does not exist
     * @param display how messages name it
     * @return the empty root
     */
    public static DirectoryRoot empty(Path dir, String display) {
        return new DirectoryRoot(dir, display, Set.of(), 1);
    }

    @Override
    public String describe() {
        return display;
    }

    @Override
    public Set<String> directories() {
        return directories;
    }

    @Override
    public Set<String> classDirectories() {
        return classDirectories;
    }

    @Override
    public boolean contains(String path) {
        return files.contains(path);
    }

    @Override
    public byte[] read(String path) throws IOException {
        if (!files.contains(path)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(dir.resolve(path))) {
            return BoundedReader.readAll(in, -1, maxEntryBytes, display + path);
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        return files.contains(path) ? Files.newInputStream(dir.resolve(path)) : null;
    }

    @Override
    public URL url(String path) {
        if (!files.contains(path)) {
            return null;
        }
        try {
            return dir.resolve(path).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CodeSource codeSource() {
        try {
            return new CodeSource(dir.toUri().toURL(), (CodeSigner[]) null);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Manifest manifest() {
        return null;
    }

    @Override
    public void close() {
        // nothing is held open
    }
}
