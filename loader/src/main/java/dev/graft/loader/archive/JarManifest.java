package dev.graft.loader.archive;

import dev.graft.loader.ArchiveLimits;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a jar's {@code META-INF/MANIFEST.MF} once, bounded, before the JDK does. {@link JarFile}
 * reads the manifest itself, whole (for {@link JarFile#getManifest()}, to find multi-release
 * entries, to verify a signed jar), refusing it only when it declares more than 16 MB: a manifest
 * that declares less and inflates to more is inflated entirely. Read here through a plain
 * {@link ZipFile} (which shares the open file with the {@link JarFile}), it must hold exactly the
 * bytes it declares, within {@link ArchiveLimits#maxEntryBytes()}; the JDK's own read then holds
 * no surprise.
 */
final class JarManifest {

    private JarManifest() {
    }

    /**
     * Checks the manifest of a jar, if it has one.
     *
     * @param file the jar
     * @param display how messages name the jar, for example {@code plugin.zip!/lib/x.jar}
     * @param limits the bound on the manifest's size
     * @throws ArchiveException naming the jar and its manifest: too large, not the size it
     *     declares, or unreadable
     */
    static void check(Path file, String display, ArchiveLimits limits) throws IOException {
        try (ZipFile plain = new ZipFile(file.toFile())) {
            ZipEntry exact = plain.getEntry(JarFile.MANIFEST_NAME);
            if (exact != null) {
                read(plain, exact, display, limits);
                return;
            }
            // without the standard name, the JDK takes a name that differs only in case
            for (Enumeration<? extends ZipEntry> en = plain.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (e.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    read(plain, e, display, limits);
                }
            }
        } catch (ZipException | EOFException e) { // a bad header, data that ends early: the JDK names no entry
            throw unreadable(display, e);
        }
    }

    private static void read(ZipFile zip, ZipEntry entry, String display, ArchiveLimits limits) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            BoundedReader.readAll(in, entry.getSize(), limits.maxEntryBytes(), display + "!/" + entry.getName());
        }
    }

    /**
     * The error for a jar whose manifest or signature files the JDK could not read.
     *
     * @param display how messages name the jar
     * @param cause what the JDK threw: an {@link IOException}, a {@link SecurityException} from
     *     verification, an {@link IllegalArgumentException} for a malformed manifest...
     * @return an error naming the jar and the cause
     */
    static ArchiveException unreadable(String display, Exception cause) {
        if (cause instanceof ArchiveException known) {
            return known;
        }
        return new ArchiveException(display + " is not a readable jar: its META-INF/MANIFEST.MF or signature"
                + " files could not be read (" + cause.getClass().getName() + ": " + cause.getMessage() + ")", cause);
    }
}
