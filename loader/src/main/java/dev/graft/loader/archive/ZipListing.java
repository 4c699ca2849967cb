package dev.graft.loader.archive;

import dev.graft.loader.ArchiveLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One pass over a plugin zip's central directory that checks it and finds its jars: the entry
 * count against the limit, no duplicate names, no name that is absolute or leads outside the
 * archive, nothing in {@code lib/} but jars directly under it; the jars of {@code lib/}. The jars
 * bundled there get the checks that apply to any jar, {@link #checkJar}, when they are opened.
 *
 * @param libraries the {@code lib/*.jar} entries, sorted by name
 */
record ZipListing(List<ZipEntry> libraries) {

    private static final String LIB = "lib/";

    static ZipListing of(ZipFile zip, String display, ArchiveLimits limits) throws ArchiveException {
        int size = zip.size();
        if (size == 0) {
            throw new ArchiveException(display + " is empty");
        }
        checkCount(zip, display, limits);
        Set<String> names = new HashSet<>(size * 2);
        List<ZipEntry> libraries = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry e = next(en, display);
            String name = e.getName();
            checkUnique(names, name, display);
            if (escapes(name)) {
                throw new ArchiveException(display + " holds the entry '" + name
                        + "', whose path is absolute or leads outside the archive");
            }
            if (e.isDirectory()) {
                continue;
            }
            if (name.startsWith(LIB)) {
                if (!isLibraryJar(name)) {
                    throw new ArchiveException(display + "!/" + name + ": lib/ may hold only .jar files, directly;"
                            + " found '" + name + "'");
                }
                libraries.add(e);
            }
        }
        libraries.sort(Comparator.comparing(ZipEntry::getName));
        return new ZipListing(libraries);
    }

    /**
     * The next entry of a zip's listing. {@code ZipFile} checks entry names when it opens a file,
     * but decodes comments only here, and throws {@link IllegalArgumentException} for one that is
     * not valid UTF-8 under the UTF-8 flag.
     *
     * @throws ArchiveException naming the archive, for an entry the JDK cannot decode
     */
    static ZipEntry next(Enumeration<? extends ZipEntry> entries, String display) throws ArchiveException {
        try {
            return entries.nextElement();
        } catch (IllegalArgumentException e) {
            throw new ArchiveException(display + " holds an entry whose name or comment is not valid UTF-8 ("
                    + e.getMessage() + ")", e);
        }
    }

    /** An absolute path, a Windows drive or separator, or a {@code ..} segment. */
    static boolean escapes(String name) {
        if (name.startsWith("/") || name.indexOf('\\') >= 0
                || (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0)))) {
            return true;
        }
        int start = 0;
        while (start <= name.length()) {
            int slash = name.indexOf('/', start);
            int end = slash < 0 ? name.length() : slash;
            if (end - start == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.') {
                return true;
            }
            if (slash < 0) {
                return false;
            }
            start = slash + 1;
        }
        return false;
    }

    private static boolean isLibraryJar(String name) {
        return name.endsWith(".jar") && name.length() > LIB.length() + 4 && name.indexOf('/', LIB.length()) < 0;
    }

    /**
     * Checks the entry count and duplicate names of a bundled jar's central directory, the part of
     * {@link #of} that applies to any jar.
     *
     * @return the uncompressed size the entries declare
     * @throws ArchiveException naming the archive and the entry
     */
    static long checkJar(ZipFile zip, String display, ArchiveLimits limits) throws ArchiveException {
        checkCount(zip, display, limits);
        Set<String> names = new HashSet<>(zip.size() * 2);
        long declared = 0;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry e = next(en, display);
            checkUnique(names, e.getName(), display);
            declared += Math.max(0, e.getSize());
        }
        return declared;
    }

    /** No more entries than the limit: a plugin zip and each jar it bundles alike. */
    private static void checkCount(ZipFile zip, String display, ArchiveLimits limits) throws ArchiveException {
        if (zip.size() > limits.maxEntries()) {
            throw new ArchiveException(display + " has " + zip.size() + " entries, more than the limit of "
                    + limits.maxEntries());
        }
    }

    /** No name twice: which copy the JDK would read is not what another tool would. */
    private static void checkUnique(Set<String> names, String name, String display) throws ArchiveException {
        if (!names.add(name)) {
            throw new ArchiveException(display + " holds the entry '" + name + "' twice");
        }
    }
}
