package dev.graft.loader.cache;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The file name of a jar in the {@link LibraryCache}: the bundled jar's own name, made safe, then
 * the SHA-256 of its content, {@code kotlin-stdlib-2.1.21-263bdc...e1.jar}, so that stack traces and
 * code sources name the library and the content still decides the file.
 *
 * <p>The own name comes from a zip entry ({@code lib/<name>.jar}), so it is untrusted: it is
 * lower-cased (two names that differ only in case must not be two names of one file on a
 * case-insensitive file system, where this JVM would lock one file twice), every character but
 * {@code a-z 0-9 . _ + -} becomes {@code _} (no separator, no control character, nothing a shell
 * or URL treats specially), leading dots are dropped (no hidden file, no {@code ..}), and it is cut
 * to {@value #MAX_NAME} characters; what is left empty becomes {@code lib}. The hash is always the
 * last 64 characters before {@code .jar}, after a {@code -}, so the name part cannot pass for one.
 * A cache of the earlier layout named jars by the hash alone ({@code <sha256>.jar}): {@link #isLegacy}.
 */
final class CacheName {

    /** At most this many characters of the jar's own name are kept. */
    static final int MAX_NAME = 100;
    private static final int HASH = 64;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{" + HASH + "}");

    private CacheName() {
    }

    /**
     * @param entryName the zip entry, {@code lib/x.jar}
     * @param sha256 the content's hash, 64 lower-case hex digits
     * @return the cache file name, {@code x-<sha256>.jar}
     */
    static String of(String entryName, String sha256) {
        String base = entryName.substring(Math.max(entryName.lastIndexOf('/'), entryName.lastIndexOf('\\')) + 1);
        if (base.toLowerCase(Locale.ROOT).endsWith(LibraryCache.SUFFIX)) {
            base = base.substring(0, base.length() - LibraryCache.SUFFIX.length());
        }
        StringBuilder safe = new StringBuilder();
        base.toLowerCase(Locale.ROOT).codePoints().forEach(c -> safe.append(allowed(c) ? (char) c : '_'));
        int start = 0;
        while (start < safe.length() && safe.charAt(start) == '.') {
            start++;
        }
        String name = safe.substring(start, Math.min(safe.length(), start + MAX_NAME));
        return (name.isEmpty() ? "lib" : name) + "-" + sha256 + LibraryCache.SUFFIX;
    }

    private static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '+' || c == '-';
    }

    /**
     * @param fileName a cache file name
     * @return the SHA-256 it claims for its content, or {@code null} if it is not a cache name
     */
    static String hashOf(String fileName) {
        if (!fileName.endsWith(LibraryCache.SUFFIX)) {
            return null;
        }
        String stem = fileName.substring(0, fileName.length() - LibraryCache.SUFFIX.length());
        if (stem.length() < HASH) {
            return null;
        }
        String hash = stem.substring(stem.length() - HASH);
        boolean separated = stem.length() == HASH || stem.charAt(stem.length() - HASH - 1) == '-';
        return separated && HEX.matcher(hash).matches() ? hash : null;
    }

    /**
     * @param fileName a file name in the cache folder
     * @return whether it is a jar of the earlier layout, named by its hash alone
     */
    static boolean isLegacy(String fileName) {
        return fileName.length() == HASH + LibraryCache.SUFFIX.length() && fileName.endsWith(LibraryCache.SUFFIX)
                && HEX.matcher(fileName.substring(0, HASH)).matches();
    }
}
