package dev.graft.loader.archive;

import dev.graft.loader.ArchiveLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * file list is taken when the root is opened. A symbolic link that leads outside the plugin is
 * rejected, when the root is opened and again at every read (a file may be swapped for a link
 * after the listing), so an exploded plugin cannot read files it does not contain. Its URLs are
 * {@code file:} URLs read through this root, with the same check.
 */
public final class DirectoryRoot implements ResourceRoot {

    private final Path dir;
    private final Path boundary;
    private final String display;
    private final Set<String> files;
    private final EntryDirectories dirs;
    private final long maxEntryBytes;

    private DirectoryRoot(Path dir, Path boundary, String display, Set<String> files, long maxEntryBytes) {
        this.dir = dir;
        this.boundary = boundary;
        this.display = display;
        this.files = files;
        this.maxEntryBytes = maxEntryBytes;
        EntryDirectories.Gatherer gathered = new EntryDirectories.Gatherer();
        for (String f : files) {
            gathered.add(f);
        }
        this.dirs = gathered.done();
    }

    /**
     * Lists a directory.
     *
     * @param dir the directory
     * @param display how messages name it
     * @param boundary the real path of the plugin's folder, outside which no link may lead
     * @param limits the bounds to enforce (entry count, entry size)
     * @return the root
     * @throws IOException if the directory cannot be listed, holds too many files, or holds a
     *     symbolic link that leads outside the plugin
     */
    public static DirectoryRoot open(Path dir, String display, Path boundary, ArchiveLimits limits) throws IOException {
        Set<String> files = new HashSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    requireInside(p, boundary, display + name);
                }
                if (Files.isRegularFile(p)) {
                    files.add(name);
                    if (files.size() > limits.maxEntries()) {
                        throw new ArchiveException(display + " has more files than the limit of " + limits.maxEntries());
                    }
                }
            }
        }
        return new DirectoryRoot(dir, boundary, display, Collections.unmodifiableSet(files), limits.maxEntryBytes());
    }

    /**
     * Where a file of an exploded plugin really is, refusing a symbolic link that leads outside it.
     *
     * @param file a file or folder of the plugin
     * @param boundary the real path of the plugin's folder
     * @param display how messages name the file
     * @return the file's real path
     * @throws IOException if it cannot be resolved, or resolves outside the boundary
     */
    public static Path requireInside(Path file, Path boundary, String display) throws IOException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (java.nio.file.NoSuchFileException e) {
            if (Files.isSymbolicLink(file)) {
                throw new ArchiveException(display + " is a broken symbolic link, to " + Files.readSymbolicLink(file), e);
            }
            throw e;
        }
        if (!real.startsWith(boundary)) {
            throw new ArchiveException(display + " is a symbolic link that leads outside the plugin, to " + real);
        }
        return real;
    }

    /**
     * A root with no files, for an exploded pf4j plugin without {@code classes/}.
     *
     * @param dir the directory that does not exist
     * @param display how messages name it
     * @return the empty root
     */
    public static DirectoryRoot empty(Path dir, String display) {
        return new DirectoryRoot(dir, dir, display, Set.of(), 1);
    }

    @Override
    public String describe() {
        return display;
    }

    @Override
    public Set<String> directories() {
        return dirs.all;
    }

    @Override
    public Set<String> classDirectories() {
        return dirs.withClasses;
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
        try (InputStream in = open(path)) {
            return BoundedReader.readAll(in, -1, maxEntryBytes, display + path);
        }
    }

    /**
     * Opens a listed file where it really is now, checked against the plugin's folder; the last
     * step is not followed if it became a link meanwhile.
     */
    @Override
    public InputStream open(String path) throws IOException {
        if (!files.contains(path)) {
            return null;
        }
        return Files.newInputStream(requireInside(dir.resolve(path), boundary, display + path), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public URL url(String path) {
        if (!files.contains(path)) {
            return null;
        }
        try {
            return new URL(null, dir.resolve(path).toUri().toString(), new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL u) {
                    return new RootConnection(u, () -> open(path), -1);
                }
            });
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@inheritDoc} A {@code file:} URL of the directory, if it is still a directory whose real path
     * lies inside the plugin: one swapped for a link that leads outside after the listing is not
     * returned (Spring walks a {@code file:} directory with its own file access, not through this
     * root), nor is one gone since. Opening the URL checks again, and gives an empty stream.
     */
    @Override
    public URL directoryUrl(String name) {
        if (!DirectoryName.isAnswerable(name) || !dirs.holds(name.substring(0, name.length() - 1))) {
            return null;
        }
        Path path = dir.resolve(name);
        if (!isDirectoryInside(path, name)) {
            return null;
        }
        String uri = path.toUri().toString(); // ends in / for a directory
        try {
            return new URL(null, uri.endsWith("/") ? uri : uri + "/", new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL u) throws IOException {
                    if (!isDirectoryInside(path, name)) {
                        throw new IOException(display + name + " is no longer a directory inside the plugin");
                    }
                    return new RootConnection(u, InputStream::nullInputStream, 0);
                }
            });
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a directory of the listing is, now, a directory whose real path lies inside the plugin. */
    private boolean isDirectoryInside(Path path, String name) {
        try {
            return Files.isDirectory(requireInside(path, boundary, display + name), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
            return false; // outside, a broken link, or gone: not a directory of this plugin
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
