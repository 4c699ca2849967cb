package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.format.Version;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.ClassFiles;
import dev.graft.loader.testing.TestPlugin;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pf4j plugins whose extension class files are hostile: an annotation nested 200,000 deep, a
 * "class" that inflates to hundreds of megabytes, an index file as large. Each class is skipped and
 * logged naming plugin, class and reason; the healthy extension beside it is found, on every call.
 */
class HostilePf4jClassesTest {

    private static final String GREETER = "dev/graft/loader/fixture/api/Greeter";

    @TempDir
    Path tmp;

    @Test
    void aClassWithAnAnnotationNested200000DeepIsSkipped() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        pf4jJar(dir.resolve("deep.jar"), "deep", Map.of("p4/Deep.class",
                ClassFiles.nestedAnnotation("p4/Deep", GREETER, 200_000)), 0, "p4.Deep");
        List<String> log = logged(() -> {
            try (PluginRuntime runtime = runtime(dir)) {
                for (int call = 0; call < 2; call++) {
                    assertEquals(List.of("early"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
                    assertTrue(runtime.points().contains(Greeter.class.getName()));
                }
            }
        });
        assertTrue(log.contains("WARNING pf4j extension p4.Deep of plugin 'deep' is skipped: its class file cannot be"
                + " read: annotation values of class p4/Deep are nested deeper than 64"), log.toString());
    }

    @Test
    void aClassThatInflatesBeyondTheLimitIsSkippedWithoutBeingReadWhole() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        ArchiveLimits limits = new ArchiveLimits(65_536, 1L << 30, 4 << 20); // the runtime's limits reach the class reads
        pf4jJar(dir.resolve("big.jar"), "big", Map.of(), 20L << 20, "p4.Big"); // 20 MiB of zeros
        List<String> log = logged(() -> {
            try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                    .sharedPackages("dev.graft.loader.fixture.api").archiveLimits(limits).build()) {
                assertEquals(List.of("early"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
            }
        });
        assertTrue(log.contains("WARNING pf4j extension p4.Big of plugin 'big' is skipped: its class file cannot be"
                + " read: class file p4/Big.class is larger than the limit of 4194304 bytes uncompressed; raise PluginRuntime.Builder.archiveLimits if it is"
                + " genuine"), log.toString());
    }

    @Test
    void aClassIsReadOnlyUpToTheLimit() throws Exception {
        Path jar = pf4jJar(tmp.resolve("huge.jar"), "huge", Map.of(), 50L << 20, "p4.Big");
        AtomicLong read = new AtomicLong();
        ArchiveLimits limits = new ArchiveLimits(1000, 1L << 30, 1 << 20);
        try (CountingLoader loader = new CountingLoader(jar, "p4/Big.class", read)) {
            ExtensionIndex index = ExtensionIndex.flat("huge", () -> loader, List.of("p4.Early", "p4.Big"), limits);
            assertEquals(List.of("p4.Early"), index.entries(Greeter.class).stream().map(ExtensionEntry::className).toList());
        }
        assertTrue(read.get() <= limits.maxEntryBytes() + 16 * 1024, "read " + read.get() + " bytes of 50 MiB");
    }

    @Test
    void aPf4jIndexLargerThanTheLimitIsNotReadWhole() throws Exception {
        Path idx = tmp.resolve("classes").resolve("META-INF/extensions.idx");
        Files.createDirectories(idx.getParent());
        try (RandomAccessFile sparse = new RandomAccessFile(idx.toFile(), "rw")) {
            sparse.setLength(ArchiveLimits.DEFAULT.maxEntryBytes() + 1);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {idx.getParent().getParent().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ExtensionIndex.read(loader));
            assertTrue(e.getMessage().contains("META-INF/extensions.idx is larger than the limit of 268435456 bytes"),
                    e.getMessage());
        }
    }

    /** A pf4j jar with the healthy extension p4.Early, the given entries, and optionally a class of zeros. */
    private Path pf4jJar(Path file, String id, Map<String, byte[]> extra, long zeroClassBytes, String hostile)
            throws IOException {
        Path annotation = TestPlugin.in(tmp, "pf4j-api").java("org.pf4j.Extension", "package org.pf4j;"
                + " @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
                + " public @interface Extension { int ordinal() default 0; }").classes();
        Map<String, byte[]> entries = new TreeMap<>(TestPlugin.in(tmp, id).classpath(annotation)
                .java("p4.Early", "package p4; @org.pf4j.Extension(ordinal = 1) public class Early implements"
                        + " dev.graft.loader.fixture.api.Greeter { public String greet() { return \"early\"; } }")
                .resource("META-INF/extensions.idx", "# Generated by PF4J\np4.Early\n" + hostile + "\n")
                .classEntries());
        entries.putAll(extra);
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Plugin-Id", id);
        mf.getMainAttributes().putValue("Plugin-Version", "1.0.0");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file), mf)) {
            jar.setLevel(1); // zeros deflate about 200:1 at any level; level 1 is the fastest
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
            if (zeroClassBytes > 0) {
                jar.putNextEntry(new JarEntry("p4/Big.class"));
                writeZeros(jar, zeroClassBytes);
                jar.closeEntry();
            }
        }
        return file;
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] zeros = new byte[1 << 20];
        for (long left = count; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(left, zeros.length));
        }
    }

    private static PluginRuntime runtime(Path dir) {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} and returns what the loader logged meanwhile, as "LEVEL message". */
    private static List<String> logged(Body body) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        Logger jul = Logger.getLogger("dev.graft.loader");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                log.add(r.getLevel() + " " + new SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level before = jul.getLevel();
        jul.setLevel(java.util.logging.Level.WARNING); // the tests' logging configuration keeps SEVERE only
        jul.addHandler(handler);
        try {
            body.run();
        } finally {
            jul.removeHandler(handler);
            jul.setLevel(before);
        }
        return log;
    }

    /** A loader over one jar that counts the bytes read of one resource. */
    private static final class CountingLoader extends URLClassLoader {
        private final String counted;
        private final AtomicLong read;

        CountingLoader(Path jar, String counted, AtomicLong read) throws IOException {
            super(new URL[] {jar.toUri().toURL()}, HostilePf4jClassesTest.class.getClassLoader());
            this.counted = counted;
            this.read = read;
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            InputStream in = super.getResourceAsStream(name);
            if (in == null || !name.equals(counted)) {
                return in;
            }
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        read.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        read.addAndGet(n);
                    }
                    return n;
                }
            };
        }
    }
}
