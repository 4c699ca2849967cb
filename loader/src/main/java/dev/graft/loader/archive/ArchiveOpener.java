package dev.graft.loader.archive;

import dev.graft.format.FormatException;
import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import dev.graft.format.NamePool;
import dev.graft.format.PluginManifest;
import dev.graft.loader.ArchiveLimits;
import dev.graft.loader.cache.Budget;
import dev.graft.loader.cache.LibraryCache;
import dev.graft.loader.lavalink.LavalinkDescriptor;
import dev.graft.loader.pf4j.Pf4jDescriptor;
import dev.graft.loader.pf4j.Pf4jIndex;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Recognises and opens plugins: a Graft zip, a single jar, an exploded directory, each with
 * Graft's or pf4j's metadata, and a legacy Lavalink jar. The one place that knows the layouts,
 * specified in {@code docs/class-loading.md}. Where an archive carries several kinds of metadata,
 * Graft's manifest wins, then (in a jar) a Lavalink descriptor, then pf4j's.
 */
public final class ArchiveOpener {

    private static final String CLASSES = "classes/";
    private static final String DEV_CLASSES = "target/classes";
    private static final String DEV_LIB = "target/lib";
    private static final String LIB = "lib/";

    private final LibraryCache cache;
    private final ArchiveLimits limits;
    private final NamePool points = new NamePool(); // one string per point name for every plugin this opens

    /**
     * @param cache where jars of a zip's {@code lib/} are extracted
     * @param limits bounds on what is read
     */
    public ArchiveOpener(LibraryCache cache, ArchiveLimits limits) {
        this.cache = cache;
        this.limits = limits;
    }

    /**
     * Opens an entry of a plugin folder if it is a plugin: a {@code .zip} or {@code .jar} file, or a
     * directory with {@code classes/} or {@code plugin.properties}. Hidden entries never are. One
     * stat decides, and keeps special files (a named pipe would block the read) out.
     *
     * @param path an entry of a plugin folder
     * @return the opened plugin, which the caller closes; {@code null} if the entry is not a plugin
     * @throws IOException as {@link #open(Path)} does, for an entry that looks like a plugin
     * @throws FormatException if its manifest or index is malformed
     */
    public PluginArchive openIfPlugin(Path path) throws IOException {
        String name = path.getFileName().toString();
        if (name.startsWith(".")) {
            return null;
        }
        boolean archiveName = endsWith(name, ".zip") || endsWith(name, ".jar");
        java.nio.file.attribute.BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (IOException e) {
            return archiveName ? open(path) : null; // opening it says why it cannot be read
        }
        if (attributes.isDirectory()) {
            return Files.isDirectory(path.resolve("classes")) || Files.isRegularFile(path.resolve(Pf4jDescriptor.PROPERTIES))
                    ? open(path) : null;
        }
        return archiveName && attributes.isRegularFile() ? open(path, name, true) : null;
    }

    /**
     * Opens a plugin.
     *
     * @param path a plugin zip, jar or directory
     * @return the opened plugin; the caller closes it
     * @throws IOException if the archive is unreadable, hostile, over a limit, or has no metadata
     * @throws FormatException if its manifest or index is malformed
     */
    public PluginArchive open(Path path) throws IOException {
        return open(path, path.getFileName().toString(), false);
    }

    /** Opens a plugin that a stat has shown to be a file ({@code knownFile}), or that may be a directory. */
    private PluginArchive open(Path path, String name, boolean knownFile) throws IOException {
        List<Closeable> owned = new ArrayList<>();
        try {
            if (!knownFile && Files.isDirectory(path)) {
                return openDirectory(path, owned);
            }
            return endsWith(name, ".zip") ? openZip(path, name, owned) : openJar(path, owned);
        } catch (Throwable e) { // errors too: the caller contains a StackOverflowError, and nothing stays open
            closeQuietly(owned, e);
            throw e;
        }
    }

    /** Whether a file name ends with a suffix, ignoring ASCII case. */
    private static boolean endsWith(String name, String suffix) {
        return name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /** Opens a plugin zip named {@code display} with the JDK's reader, as every other tool reads it. */
    private PluginArchive openZip(Path path, String display, List<Closeable> owned) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException | EOFException e) { // the JDK's EOFException has no message
            throw new ArchiveException(display + " is not a readable zip ("
                    + (e.getMessage() == null ? "unexpected end of file" : e.getMessage()) + ")", e);
        }
        owned.add(zip);
        ZipListing listing = ZipListing.of(zip, display, limits);
        ResourceRoot classes = ZipRoot.view(path, zip, CLASSES, limits);
        List<ResourceRoot> libraries = new ArrayList<>();
        Budget budget = listing.libraries().isEmpty() ? null : new Budget(limits, display);
        for (ZipEntry entry : listing.libraries()) {
            String entryDisplay = display + "!/" + entry.getName();
            LibraryCache.Jar extracted;
            try {
                extracted = cache.extract(zip, entry, entryDisplay, budget);
            } catch (ZipException | EOFException e) { // the JDK's messages name neither the zip nor the entry
                throw new ArchiveException(entryDisplay + " is corrupt (" + e.getMessage() + ")", e);
            }
            owned.add(extracted);
            ZipRoot jar = ZipRoot.openJar(extracted.file(), entryDisplay, limits, budget);
            owned.add(jar);
            libraries.add(jar);
        }
        byte[] graftManifest = classes.read(ManifestFormat.PATH);
        if (graftManifest != null) {
            return graft(path, PluginArchive.Layout.ZIP, classes, graftManifest, libraries, owned);
        }
        if (zip.getEntry(Pf4jDescriptor.PROPERTIES) != null) {
            String source = display + "!/" + Pf4jDescriptor.PROPERTIES;
            byte[] properties = ZipRoot.view(path, zip, "", limits).read(Pf4jDescriptor.PROPERTIES);
            Pf4jDescriptor.Descriptor descriptor = Pf4jDescriptor.fromProperties(text(properties), source);
            return pf4j(path, PluginArchive.Layout.ZIP, descriptor, classes, libraries, owned);
        }
        throw noMetadata(display, "classes/" + ManifestFormat.PATH,
                " or " + Pf4jDescriptor.PROPERTIES + ", found neither");
    }

    private PluginArchive openJar(Path path, List<Closeable> owned) throws IOException {
        String display = path.getFileName().toString();
        ZipRoot jar = ZipRoot.openJar(path, display, limits);
        owned.add(jar);
        if (jar.directories().isEmpty()) {
            throw new ArchiveException(display + " is empty");
        }
        byte[] graftManifest = jar.read(ManifestFormat.PATH);
        if (graftManifest != null) {
            return graft(path, PluginArchive.Layout.JAR, jar, graftManifest, List.of(), owned);
        }
        if (holdsFolder(jar, LavalinkDescriptor.FOLDER)) { // one pass over the listing, only for such a jar
            List<String> descriptors = jar.entries(LavalinkDescriptor::isDescriptor);
            if (!descriptors.isEmpty()) {
                return lavalink(path, jar, descriptors, owned, display);
            }
        }
        return pf4jOrFail(path, PluginArchive.Layout.JAR, jar, List.of(), owned, display);
    }

    /** Whether a root holds a folder ({@code a/b/}, ending in a slash) or anything below it. */
    private static boolean holdsFolder(ResourceRoot root, String folder) {
        String name = folder.substring(0, folder.length() - 1);
        for (String dir : root.directories()) {
            if (dir.startsWith(name) && (dir.length() == name.length() || dir.startsWith(folder))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A legacy Lavalink jar: one plugin, read from its one descriptor, with no index; the package
     * the descriptor names is what a Spring host scans. Lavalink loads every descriptor of a jar as
     * a plugin; Graft's model is one plugin per archive, so a jar with several fails.
     */
    private PluginArchive lavalink(Path path, ZipRoot jar, List<String> descriptors, List<Closeable> owned,
            String display) throws IOException {
        if (descriptors.size() > 1) {
            throw new ArchiveException(display + " holds " + descriptors.size() + " Lavalink plugin descriptors: "
                    + String.join(", ", descriptors) + "; Lavalink loads each as a plugin, Graft loads one plugin"
                    + " per archive: split the jar into one jar per descriptor");
        }
        String entry = descriptors.get(0);
        byte[] bytes = jar.read(entry); // bounded by ArchiveLimits.maxEntryBytes, refused before reading if over
        LavalinkDescriptor.Descriptor descriptor = LavalinkDescriptor.read(bytes, jar.entryName(entry));
        return new PluginArchive(path, PluginArchive.Layout.JAR, PluginArchive.Metadata.LAVALINK,
                descriptor.manifest(), jar, List.of(), IndexFormat.Parsed.EMPTY, List.of(),
                List.of(descriptor.scanPackage()), Map.of(), List.copyOf(owned));
    }

    private PluginArchive openDirectory(Path path, List<Closeable> owned) throws IOException {
        String display = path.getFileName().toString() + "/";
        Path boundary = path.toRealPath(); // no link in the plugin may lead outside it
        // pf4j's development layout: a project folder, its classes and libraries where Maven builds them
        boolean plain = Files.isDirectory(path.resolve("classes"));
        boolean development = !plain && Files.isDirectory(path.resolve(DEV_CLASSES));
        boolean hasClasses = plain || development;
        String classesName = development ? DEV_CLASSES : "classes";
        Path classesDir = path.resolve(classesName);
        if (hasClasses) {
            DirectoryRoot.requireInside(classesDir, boundary, display + classesName);
        }
        ResourceRoot classes = hasClasses
                ? DirectoryRoot.open(classesDir, display + classesName + "/", boundary, limits)
                : DirectoryRoot.empty(classesDir, display + CLASSES);
        List<ResourceRoot> libraries = new ArrayList<>();
        Path lib = path.resolve(development ? DEV_LIB : "lib");
        if (Files.isDirectory(lib)) {
            DirectoryRoot.requireInside(lib, boundary, display + "lib");
            List<Path> jars = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(lib)) {
                for (Path f : files) {
                    DirectoryRoot.requireInside(f, boundary, display + LIB + f.getFileName());
                    if (!f.getFileName().toString().endsWith(".jar") || !Files.isRegularFile(f)) {
                        throw new ArchiveException(display + LIB + f.getFileName()
                                + ": lib/ may hold only .jar files, directly");
                    }
                    jars.add(f);
                }
            }
            jars.sort(java.util.Comparator.comparing(p -> p.getFileName().toString()));
            Budget budget = new Budget(limits, display);
            for (Path f : jars) {
                ZipRoot jar = ZipRoot.openJar(f, display + LIB + f.getFileName(), limits, budget);
                owned.add(jar);
                libraries.add(jar);
            }
        }
        byte[] graftManifest = classes.read(ManifestFormat.PATH);
        if (graftManifest != null) {
            return graft(path, PluginArchive.Layout.DIRECTORY, classes, graftManifest, libraries, owned);
        }
        Path properties = path.resolve(Pf4jDescriptor.PROPERTIES);
        if (Files.isRegularFile(properties)) {
            DirectoryRoot.requireInside(properties, boundary, display + Pf4jDescriptor.PROPERTIES);
            String source = display + Pf4jDescriptor.PROPERTIES;
            Pf4jDescriptor.Descriptor descriptor = Pf4jDescriptor.fromProperties(text(readBounded(properties, source)), source);
            if (!hasClasses && !Files.isDirectory(lib)) {
                throw new ArchiveException(display + " has " + Pf4jDescriptor.PROPERTIES + " but no classes: expected"
                        + " classes/ or lib/ (a plugin zip's layout, unpacked) or, in pf4j's development layout, "
                        + DEV_CLASSES + "/ (and " + DEV_LIB + "/), found none; build the plugin first");
            }
            return pf4j(path, PluginArchive.Layout.DIRECTORY, descriptor, classes, libraries, owned);
        }
        return pf4jOrFail(path, PluginArchive.Layout.DIRECTORY, classes, libraries, owned, display);
    }

    private PluginArchive pf4jOrFail(Path path, PluginArchive.Layout layout, ResourceRoot classes,
            List<ResourceRoot> libraries, List<Closeable> owned, String display) throws IOException {
        byte[] mf = classes.read("META-INF/MANIFEST.MF");
        if (mf != null) {
            Manifest manifest = new Manifest(new ByteArrayInputStream(mf));
            if (manifest.getMainAttributes().getValue(Pf4jDescriptor.MANIFEST_ID) != null) {
                String source = classes.entryName("META-INF/MANIFEST.MF");
                return pf4j(path, layout, Pf4jDescriptor.fromManifest(manifest, source), classes, libraries, owned);
            }
        }
        byte[] properties = classes.read(Pf4jDescriptor.PROPERTIES);
        if (properties != null) {
            String source = classes.entryName(Pf4jDescriptor.PROPERTIES);
            return pf4j(path, layout, Pf4jDescriptor.fromProperties(text(properties), source),
                    classes, libraries, owned);
        }
        String pf4j = "a pf4j Plugin-Id manifest attribute or plugin.properties";
        throw layout == PluginArchive.Layout.JAR
                ? noMetadata(display, ManifestFormat.PATH, ", " + pf4j + ", or Lavalink's "
                        + LavalinkDescriptor.FOLDER + "<name>.properties, found none")
                : noMetadata(display, "classes/" + ManifestFormat.PATH, " or " + pf4j + ", found neither");
    }

    /** @param others the other metadata expected, and what was found */
    private static ArchiveException noMetadata(String display, String graftPath, String others) {
        return new ArchiveException(display + " is not a plugin: expected Graft's " + graftPath
                + " (written by graft-processor; is it configured as an annotation processor?)" + others);
    }

    /** A plugin with Graft's metadata, whose manifest (the bytes given) is read once. */
    private PluginArchive graft(Path path, PluginArchive.Layout layout, ResourceRoot classes, byte[] manifestBytes,
            List<ResourceRoot> libraries, List<Closeable> owned) throws IOException {
        // each file is parsed under its path in the archive; the archive's name is added to the
        // message of the one that fails, rather than built for every plugin that loads
        PluginManifest manifest;
        try {
            manifest = ManifestFormat.read(text(manifestBytes), ManifestFormat.PATH);
        } catch (FormatException e) {
            throw e.in(classes.entryName(ManifestFormat.PATH));
        }
        IndexFormat.Parsed extensions = IndexFormat.Parsed.EMPTY;
        byte[] index = classes.read(IndexFormat.PATH);
        if (index != null) {
            try {
                extensions = IndexFormat.parse(text(index), IndexFormat.PATH, points);
            } catch (FormatException e) {
                throw e.in(classes.entryName(IndexFormat.PATH));
            }
        }
        return new PluginArchive(path, layout, PluginArchive.Metadata.GRAFT, manifest, classes,
                List.copyOf(libraries), extensions, List.of(), List.of(), Map.of(), List.copyOf(owned));
    }

    private PluginArchive pf4j(Path path, PluginArchive.Layout layout, Pf4jDescriptor.Descriptor descriptor,
            ResourceRoot classes, List<ResourceRoot> libraries, List<Closeable> owned) throws IOException {
        byte[] index = classes.read(Pf4jIndex.PATH);
        List<String> classNames = index == null ? List.of()
                : Pf4jIndex.read(text(index), classes.entryName(Pf4jIndex.PATH));
        return new PluginArchive(path, layout, PluginArchive.Metadata.PF4J, descriptor.manifest(), classes,
                List.copyOf(libraries), IndexFormat.Parsed.EMPTY, classNames, List.of(), descriptor.entries(),
                List.copyOf(owned));
    }

    /** Reads a file of an exploded plugin, under {@link ArchiveLimits#maxEntryBytes()}. */
    private byte[] readBounded(Path file, String display) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return BoundedReader.readAll(in, -1, limits.maxEntryBytes(), display);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void closeQuietly(List<Closeable> owned, Throwable failure) {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
