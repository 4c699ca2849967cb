package dev.graft.loader.archive;

import dev.graft.loader.ArchiveLimits;
import dev.graft.loader.cache.Budget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A root backed by a zip or jar file: the whole file (a bundled jar, a legacy single-jar plugin)
 * or the entries under a prefix ({@code classes/} of a plugin zip). Jars that declare
 * {@code Multi-Release: true} resolve {@code META-INF/versions/N/} entries for the running JVM.
 *
 * <p>Only the directories of the entries are kept (for routing by package): single entries are
 * looked up in the zip's own index of its central directory when they are read. A jar's
 * directories are gathered when it is opened; a view's (the {@code classes/} of a plugin zip) on
 * first use, since a plugin that is only listed never routes a class. Duplicate entry names and
 * more entries than {@link ArchiveLimits#maxEntries()} are rejected.
 *
 * <p>One unit, though long: opening, listing, reading, and the URLs of entries and directories
 * all work on the same open {@code ZipFile}, prefix and lazily gathered directories, and its URL
 * handler reads through the same checks as {@link #read}; split, each part would reach into the
 * others' state.
 */
public final class ZipRoot implements ResourceRoot {

    private final Path file;
    private final String display; // null for a view, named when asked: only messages need it (-0.06 KB a plugin)
    private final String prefix;
    private final ZipFile zip;
    private final boolean ownsZip;
    private volatile EntryDirectories dirs;
    private volatile URLStreamHandler handler; // made with the first URL: a plugin that is only listed serves none
    private final long maxEntryBytes;
    private final Manifest manifest;
    private volatile URL fileUrl;
    private volatile boolean closed;

    private ZipRoot(Path file, String display, ZipFile zip, boolean ownsZip, String prefix, EntryDirectories dirs,
            ArchiveLimits limits, Manifest manifest) {
        this.file = file;
        this.display = display;
        this.zip = zip;
        this.ownsZip = ownsZip;
        this.prefix = prefix;
        this.dirs = dirs;
        this.maxEntryBytes = limits.maxEntryBytes();
        this.manifest = manifest;
    }

    /**
     * Opens a jar as a root of its own, resolving multi-release entries.
     *
     * @param file the jar
     * @param display how messages name it, for example {@code plugin.zip!/lib/okhttp.jar}
     * @param limits the bounds to enforce
     * @return the root, owning the open file
     * @throws IOException if the file is not a readable zip, or breaks a limit
     */
    public static ZipRoot openJar(Path file, String display, ArchiveLimits limits) throws IOException {
        return openJar(file, display, limits, null);
    }

    /**
     * Opens a jar bundled in a plugin, charging the uncompressed size its entries declare to the
     * plugin's budget, so that a jar whose entries would inflate beyond the plugin's limit is
     * refused before any is read. Reading an entry is bounded by its real size as well.
     *
     * @param file the jar
     * @param display how messages name it
     * @param limits the bounds to enforce
     * @param budget the plugin's budget, or {@code null}
     * @return the root, owning the open file
     * @throws IOException if the file is not a readable jar, or breaks a limit
     */
    public static ZipRoot openJar(Path file, String display, ArchiveLimits limits, Budget budget)
            throws IOException {
        JarFile jar;
        try {
            jar = new JarFile(file.toFile(), true, ZipFile.OPEN_READ, Runtime.version());
        } catch (ZipException | java.io.EOFException e) { // the JDK's EOFException has no message
            throw new ArchiveException(display + " is not a readable jar: "
                    + (e.getMessage() == null ? "unexpected end of file" : e.getMessage()), e);
        }
        try {
            long declared = ZipListing.checkJar(jar, display, limits);
            if (budget != null) {
                budget.spend(declared, display + ", which declares " + declared + " bytes uncompressed");
            }
            JarManifest.check(file, display, limits);
            Manifest manifest;
            Iterator<JarEntry> it;
            try {
                manifest = jar.getManifest();
                it = jar.isMultiRelease() ? jar.versionedStream().iterator() : jar.stream().iterator();
            } catch (IOException | RuntimeException e) {
                throw JarManifest.unreadable(display, e);
            }
            EntryDirectories.Gatherer dirs = new EntryDirectories.Gatherer();
            while (it.hasNext()) {
                JarEntry e = it.next();
                if (!e.isDirectory()) {
                    dirs.add(e.getName());
                }
            }
            return new ZipRoot(file, display, jar, true, "", dirs.done(), limits, manifest);
        } catch (IOException | RuntimeException e) {
            jar.close();
            throw e;
        }
    }

    /**
     * A root over the entries of an already open zip under {@code prefix}. The root does not own
     * the zip: whoever opened it closes it.
     *
     * @param file the zip's path
     * @param zip the open zip
     * @param prefix the folder inside the zip, ending in {@code /}, or empty for the whole zip
     * @param limits the bounds to enforce
     * @return the root
     */
    static ZipRoot view(Path file, ZipFile zip, String prefix, ArchiveLimits limits) {
        return new ZipRoot(file, null, zip, false, prefix, null, limits, null);
    }

    /**
     * The directories of this root, gathered from the zip's entries on first use: a plugin that is
     * only listed never needs them (they route its classes and decide its exports).
     */
    private EntryDirectories dirs() {
        EntryDirectories d = dirs;
        if (d == null) {
            synchronized (this) {
                d = dirs;
                if (d == null) {
                    EntryDirectories.Gatherer gathered = new EntryDirectories.Gatherer();
                    try {
                        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                            ZipEntry e = en.nextElement();
                            if (!e.isDirectory() && e.getName().startsWith(prefix)) {
                                gathered.add(e.getName(), prefix.length());
                            }
                        }
                    } catch (IllegalStateException closedZip) {
                        return EntryDirectories.NONE; // unloaded before first use: nothing to route, nothing kept
                    }
                    d = gathered.done();
                    dirs = d;
                }
            }
        }
        return d;
    }

    @Override
    public String describe() {
        return display != null ? display : file.getFileName() + "!/" + prefix;
    }

    @Override
    public Set<String> directories() {
        return dirs().all;
    }

    @Override
    public Set<String> classDirectories() {
        return dirs().withClasses;
    }

    /**
     * The paths of the entries of this root that pass a test (not resolved for multi-release), for
     * metadata found by a pattern of names rather than one name: one pass over the zip's listing.
     *
     * @param test which paths to keep
     * @return their paths, sorted
     */
    public List<String> entries(Predicate<String> test) {
        List<String> found = new ArrayList<>();
        try {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String name = e.getName();
                if (!e.isDirectory() && name.startsWith(prefix) && test.test(name.substring(prefix.length()))) {
                    found.add(name.substring(prefix.length()));
                }
            }
        } catch (IllegalStateException closedZip) {
            return List.of();
        }
        found.sort(null);
        return found;
    }

    /** The entry for a path, resolved for the running JVM in a multi-release jar; never a directory. */
    private ZipEntry entry(String path) {
        EntryDirectories d = dirs; // once gathered, a lookup outside them is answered without the zip
        if (d != null && !d.all.contains(ResourceRoot.directoryOf(path))) {
            return null;
        }
        try {
            ZipEntry e = zip.getEntry(prefix.isEmpty() ? path : prefix + path);
            return e == null || e.isDirectory() ? null : e;
        } catch (IllegalStateException closed) {
            return null;
        }
    }

    @Override
    public boolean contains(String path) {
        return entry(path) != null;
    }

    @Override
    public byte[] read(String path) throws IOException {
        ZipEntry entry = entry(path);
        if (entry == null) {
            return null;
        }
        try (InputStream in = stream(entry)) {
            return BoundedReader.readAll(in, entry.getSize(), maxEntryBytes, entryName(path));
        } catch (ZipException | java.io.EOFException e) { // the JDK's messages name neither the zip nor the entry
            throw new ArchiveException(entryName(path) + " is corrupt (" + e.getMessage() + ")", e);
        } catch (IllegalStateException | NullPointerException e) {
            // a zip closed by an unload while this thread reads it: the JDK's ZipFile throws these
            // ("zip file closed", "Inflater has been closed") rather than an IOException
            if (isClosed()) {
                throw new IOException(describe() + " was closed while " + path + " was read", e);
            }
            throw e;
        }
    }

    /** Whether this root or its zip has been closed. */
    private boolean isClosed() {
        if (closed) {
            return true;
        }
        try {
            zip.size(); // the one way to ask a ZipFile: it throws once closed
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        ZipEntry entry = entry(path);
        return entry == null ? null : stream(entry);
    }

    private InputStream stream(ZipEntry entry) throws IOException {
        if (closed) {
            throw new IOException(describe() + " is closed");
        }
        try {
            return zip.getInputStream(entry);
        } catch (IllegalStateException e) {
            throw new IOException(describe() + " is closed", e);
        }
    }

    /**
     * The code signers of an entry, known once the entry has been read completely.
     *
     * @param path the entry path
     * @return the signers, or {@code null}
     */
    public CodeSigner[] signers(String path) {
        return entry(path) instanceof JarEntry je ? je.getCodeSigners() : null;
    }

    @Override
    public URL url(String path) {
        return entry(path) == null ? null : jarUrl(path);
    }

    /**
     * {@inheritDoc} A zip has no directory entries of its own (or they are ignored): the
     * directories of its files, and those above them, are this root's directories. The URL is
     * {@code jar:file:/.../plugin.zip!/classes/com/example/}: Spring opens the file before
     * {@code !/} with a JarFile of its own and lists the entries under the rest.
     */
    @Override
    public URL directoryUrl(String name) {
        return holdsDirectory(name) ? jarUrl(name) : null;
    }

    /** Whether this root holds a directory ({@code com/example/}) or anything below it. */
    private boolean holdsDirectory(String name) {
        return DirectoryName.isAnswerable(name) && dirs().holds(name.substring(0, name.length() - 1));
    }

    private URL jarUrl(String path) {
        try {
            URLStreamHandler h = handler;
            if (h == null) {
                h = new Handler(this); // a race makes two equal handlers, which is harmless
                handler = h;
            }
            return new URL("jar", "", -1, fileUrl().toExternalForm() + "!/" + prefix + path, h);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CodeSource codeSource() {
        return new CodeSource(fileUrl(), (CodeSigner[]) null);
    }

    private URL fileUrl() {
        URL url = fileUrl;
        if (url == null) {
            try {
                url = file.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
            fileUrl = url;
        }
        return url;
    }

    @Override
    public Manifest manifest() {
        return manifest;
    }

    /** @return the zip file this root reads */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (ownsZip) {
            zip.close();
        }
    }

    /** Serves a root's URLs from its open zip, so that the JDK's jar cache never opens the file. */
    private static final class Handler extends URLStreamHandler {
        private final ZipRoot root;

        private Handler(ZipRoot root) {
            this.root = root;
        }

        @Override
        protected URLConnection openConnection(URL u) throws IOException {
            String spec = u.getFile();
            int bang = spec.indexOf("!/");
            String path = bang < 0 ? "" : spec.substring(bang + 2);
            String inRoot = path.startsWith(root.prefix) ? path.substring(root.prefix.length()) : null;
            if (inRoot != null && DirectoryName.isDirectory(inRoot) && root.holdsDirectory(inRoot)) {
                return new RootConnection(u, InputStream::nullInputStream, 0); // a directory reads as empty
            }
            ZipEntry entry = inRoot != null ? root.entry(inRoot) : null;
            if (entry == null) {
                throw new IOException("no entry " + path + " in " + root.describe());
            }
            return new RootConnection(u, () -> root.stream(entry), entry.getSize());
        }
    }
}
