package dev.graft.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a plugin zip: {@code classes/} with every file of the class output, and
 * {@code lib/<name>.jar} with each bundled jar's bytes unchanged (stored, not recompressed: a jar
 * is compressed already, and Graft then extracts it without inflating). Graft's metadata,
 * {@code classes/META-INF/graft/} (the manifest and the index, a few hundred bytes), is stored
 * too: the loader reads it from every plugin at every start, and reading a deflated entry costs a
 * zlib stream that is set up for it (listing 1,000 plugins 15% faster, loading them 6%;
 * docs/BENCHMARKS-LOG.md, 2026-12-01). The rest is deflated. Entries are sorted and carry one
 * fixed timestamp, so the same inputs give the same bytes.
 */
public final class PluginZip {

    /** Graft's metadata inside a plugin zip, which is stored rather than deflated. */
    static final String METADATA = "classes/META-INF/graft/";

    private PluginZip() {
    }

    /**
     * @param target the zip to write
     * @param classes the class output directory
     * @param libraries lib/ entry name to the jar to bundle
     * @param timestamp the time every entry carries
     * @throws IOException if a file cannot be read or written
     */
    public static void write(Path target, Path classes, Map<String, Path> libraries, LocalDateTime timestamp)
            throws IOException {
        Map<String, Path> entries = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    entries.put("classes/" + classes.relativize(f).toString().replace('\\', '/'), f);
                }
            }
        }
        libraries.forEach((name, jar) -> entries.put("lib/" + name, jar));
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, Path> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(timestamp);
                if (e.getKey().startsWith("lib/") || e.getKey().startsWith(METADATA)) {
                    stored(entry, e.getValue());
                }
                zip.putNextEntry(entry);
                copy(e.getValue(), zip);
                zip.closeEntry();
            }
        }
    }

    private static void stored(ZipEntry entry, Path file) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                crc.update(buffer, 0, n);
                size += n;
            }
        }
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc.getValue());
    }

    private static void copy(Path file, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
        }
    }
}
