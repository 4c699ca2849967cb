package dev.graft.loader.internal;

import dev.graft.loader.ArchiveLimits;
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
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
 * <p>The entry list is read once from the central directory when the root is opened. Duplicate
 * entry names and more entries than {@link ArchiveLimits#maxEntries()} are rejected.
 */
public final class ZipRoot implements ResourceRoot {

    private final Path file;
    private final String display;
    private final String prefix;
    private final ZipFile zip;
    private final boolean ownsZip;
    private final Map<String, ZipEntry> entries;
    private final Set<String> directories;
    private final Set<String> classDirectories;
    private final URL fileUrl;
    private final String urlBase;
    private final Handler handler = new Handler();
    private final long maxEntryBytes;
    private final Manifest manifest;
    private volatile boolean closed;

    private ZipRoot(Path file, String display, ZipFile zip, boolean ownsZip, String prefix,
            Map<String, ZipEntry> entries, ArchiveLimits limits) throws IOException {
        this.file = file;
        this.display = display;
        this.zip = zip;
        this.ownsZip = ownsZip;
        this.prefix = prefix;
        this.entries = entries;
        this.maxEntryBytes = limits.maxEntryBytes();
        Set<String>[] dirs = ResourceRoot.directoriesOf(entries.keySet());
        this.directories = dirs[0];
        this.classDirectories = dirs[1];
        this.fileUrl = file.toUri().toURL();
        this.urlBase = fileUrl.toExternalForm() + "!/" + prefix;
        this.manifest = zip instanceof JarFile jar && prefix.isEmpty() ? jar.getManifest() : null;
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
    public static ZipRoot openJar(Path file, String display, ArchiveLimits limits, LibraryCache.Budget budget)
            throws IOException {
        JarFile jar;
        try {
            jar = new JarFile(file.toFile(), true, ZipFile.OPEN_READ, Runtime.version());
        } catch (ZipException e) {
            throw new ArchiveException(display + " is not a readable jar: " + e.getMessage(), e);
        }
        try {
            checkEntries(jar, display, limits);
            if (budget != null) {
                budget.spend(declaredSize(jar), display + ", which declares " + declaredSize(jar)
                        + " bytes uncompressed");
            }
            Map<String, ZipEntry> entries = new HashMap<>();
            if (jar.isMultiRelease()) {
                jar.versionedStream().filter(e -> !e.isDirectory()).forEach(e -> entries.put(e.getName(), e));
            } else {
                for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                    JarEntry e = en.nextElement();
                    if (!e.isDirectory()) {
                        entries.put(e.getName(), e);
                    }
                }
            }
            return new ZipRoot(file, display, jar, true, "", entries, limits);
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
     * @param prefix the folder inside the zip, ending in {@code /}
     * @param limits the bounds to enforce
     * @return the root
     * @throws IOException if a limit is broken
     */
    public static ZipRoot view(Path file, ZipFile zip, String prefix, ArchiveLimits limits) throws IOException {
        Map<String, ZipEntry> entries = new HashMap<>();
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            if (!e.isDirectory() && e.getName().startsWith(prefix)) {
                entries.put(e.getName().substring(prefix.length()), e);
            }
        }
        return new ZipRoot(file, file.getFileName() + "!/" + prefix, zip, false, prefix, entries, limits);
    }

    private static long declaredSize(ZipFile zip) {
        long total = 0;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            total += Math.max(0, en.nextElement().getSize());
        }
        return total;
    }

    /**
     * Checks the entry count and duplicate names of a zip's central directory.
     *
     * @throws ArchiveException naming the archive and the entry
     */
    public static void checkEntries(ZipFile zip, String display, ArchiveLimits limits) throws ArchiveException {
        if (zip.size() > limits.maxEntries()) {
            throw new ArchiveException(display + " has " + zip.size() + " entries, more than the limit of "
                    + limits.maxEntries());
        }
        Set<String> names = new HashSet<>();
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            String name = en.nextElement().getName();
            if (!names.add(name)) {
                throw new ArchiveException(display + " holds the entry '" + name + "' twice");
            }
        }
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
        return entries.containsKey(path);
    }

    @Override
    public byte[] read(String path) throws IOException {
        ZipEntry entry = entries.get(path);
        if (entry == null) {
            return null;
        }
        try (InputStream in = stream(entry)) {
            return BoundedReader.readAll(in, maxEntryBytes, display + path);
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        ZipEntry entry = entries.get(path);
        return entry == null ? null : stream(entry);
    }

    private InputStream stream(ZipEntry entry) throws IOException {
        if (closed) {
            throw new IOException(display + " is closed");
        }
        try {
            return zip.getInputStream(entry);
        } catch (IllegalStateException e) {
            throw new IOException(display + " is closed", e);
        }
    }

    /**
     * The code signers of an entry, known once the entry has been read completely.
     *
     * @param path the entry path
     * @return the signers, or {@code null}
     */
    public CodeSigner[] signers(String path) {
        return entries.get(path) instanceof JarEntry je ? je.getCodeSigners() : null;
    }

    @Override
    public URL url(String path) {
        if (!entries.containsKey(path)) {
            return null;
        }
        try {
            return new URL("jar", "", -1, urlBase + path, handler);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CodeSource codeSource() {
        return new CodeSource(fileUrl, (CodeSigner[]) null);
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

    /** Serves this root's URLs from the open zip, so that the JDK's jar cache never opens the file. */
    private final class Handler extends URLStreamHandler {
        @Override
        protected URLConnection openConnection(URL u) throws IOException {
            String spec = u.getFile();
            int bang = spec.indexOf("!/");
            String path = bang < 0 ? "" : spec.substring(bang + 2);
            if (!path.startsWith(prefix) || !entries.containsKey(path.substring(prefix.length()))) {
                throw new IOException("no entry " + path + " in " + display);
            }
            String entryPath = path.substring(prefix.length());
            return new URLConnection(u) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() throws IOException {
                    InputStream in = open(entryPath);
                    if (in == null) {
                        throw new IOException("no entry " + entryPath + " in " + display);
                    }
                    return in;
                }

                @Override
                public long getContentLengthLong() {
                    return entries.get(entryPath).getSize();
                }
            };
        }
    }
}
