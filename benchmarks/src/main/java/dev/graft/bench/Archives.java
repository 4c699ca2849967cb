package dev.graft.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes the generated classes in each peer's own archive format, deterministically. */
final class Archives {

    private static final LocalDateTime TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    private Archives() {
    }

    /** Every file below {@code dir} that {@code keep} accepts, by entry path. */
    static Map<String, byte[]> files(Path dir, Predicate<String> keep) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) walk::iterator) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                if (Files.isRegularFile(f) && keep.test(name)) {
                    files.put(name, Files.readAllBytes(f));
                }
            }
        }
        return files;
    }

    /** Writes a zip (or jar) with the entries, each under {@code prefix}. */
    static void write(Path target, String prefix, Map<String, byte[]> entries) throws IOException {
        write(target, prefixed(prefix, entries), name -> false);
    }

    /**
     * The entries of a Graft zip that {@code graft:package} stores rather than deflates: the jars
     * of {@code lib/} and Graft's metadata ({@code classes/META-INF/graft/}).
     */
    static final Predicate<String> GRAFT_STORED = name -> name.startsWith("lib/")
            || name.startsWith("classes/META-INF/graft/");

    /**
     * Writes a Graft zip as {@code graft:package} does: the class output under {@code classes/},
     * {@link #GRAFT_STORED} stored, the rest deflated.
     */
    static void graftZip(Path target, Map<String, byte[]> classes) throws IOException {
        write(target, prefixed("classes/", classes), GRAFT_STORED);
    }

    private static Map<String, byte[]> prefixed(String prefix, Map<String, byte[]> entries) {
        Map<String, byte[]> named = new TreeMap<>();
        entries.forEach((name, bytes) -> named.put(prefix + name, bytes));
        return named;
    }

    /**
     * Writes a zip with the entries, those {@code stored} accepts uncompressed (as
     * {@code graft:package} stores the jars of {@code lib/}), the others deflated.
     */
    static void write(Path target, Map<String, byte[]> entries, Predicate<String> stored) throws IOException {
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(TIME);
                if (stored.test(e.getKey())) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
