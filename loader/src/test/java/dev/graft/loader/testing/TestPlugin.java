package dev.graft.loader.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds real plugin archives for tests: compiles Java sources with javac (optionally through an
 * annotation processor such as Graft's), adds resources and bundled jars, and writes the result
 * as a Graft zip, a single jar, or an exploded directory.
 *
 * <pre>{@code
 * Path zip = TestPlugin.in(tmp, "hello")
 *         .java("com.hello.Hello", "package com.hello; public class Hello implements Runnable { public void run() {} }")
 *         .resource("META-INF/graft/plugin.manifest", manifestText)
 *         .library("dep.jar", someJar)
 *         .zip(pluginDir);
 * }</pre>
 */
public final class TestPlugin {

    private final Path work;
    private final String name;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new TreeMap<>();
    private final Map<String, Path> libraries = new TreeMap<>();
    private final List<Path> classpath = new ArrayList<>();
    private final List<Processor> processors = new ArrayList<>();
    private final List<String> options = new ArrayList<>();
    private Path compiled;

    private TestPlugin(Path work, String name) {
        this.work = work;
        this.name = name;
    }

    /**
     * Starts a plugin.
     *
     * @param work a scratch directory for compilation output
     * @param name the archive's base file name
     * @return the builder
     */
    public static TestPlugin in(Path work, String name) {
        return new TestPlugin(work, name);
    }

    /** Adds a Java source file for the class {@code className}. */
    public TestPlugin java(String className, String source) {
        sources.put(className, source);
        return this;
    }

    /** Adds a resource to the plugin's classes. */
    public TestPlugin resource(String path, String text) {
        return resource(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a resource to the plugin's classes. */
    public TestPlugin resource(String path, byte[] bytes) {
        resources.put(path, bytes);
        return this;
    }

    /** Bundles a jar in the plugin's {@code lib/}. */
    public TestPlugin library(String fileName, Path jar) {
        libraries.put(fileName, jar);
        return this;
    }

    /** Adds compile class-path entries (the classes of plugins this one depends on, APIs). */
    public TestPlugin classpath(Path... entries) {
        classpath.addAll(List.of(entries));
        return this;
    }

    /** Compiles through an annotation processor with the given {@code -A} options. */
    public TestPlugin processor(Processor processor, String... processorOptions) {
        processors.add(processor);
        options.addAll(List.of(processorOptions));
        return this;
    }

    /**
     * Compiles the sources (once) and returns the class output directory, which also holds what
     * annotation processors wrote.
     *
     * @return the compiled classes
     */
    public Path classes() {
        if (compiled == null) {
            compiled = compile();
        }
        return compiled;
    }

    private Path compile() {
        try {
            Path out = Files.createTempDirectory(work, name + "-classes");
            if (sources.isEmpty()) {
                return out;
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
                List<JavaFileObject> units = new ArrayList<>();
                sources.forEach((cls, src) -> units.add(new Source(cls, src)));
                List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17",
                        "-implicit:none", "-Xlint:-options"));
                String cp = classpathString();
                if (!cp.isEmpty()) {
                    args.add("-cp");
                    args.add(cp);
                }
                if (processors.isEmpty()) {
                    args.add("-proc:none");
                }
                for (String o : options) {
                    args.add(o);
                }
                JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, args, null, units);
                if (!processors.isEmpty()) {
                    task.setProcessors(processors);
                }
                if (!task.call()) {
                    StringBuilder msg = new StringBuilder("compilation of test plugin '" + name + "' failed:");
                    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                        msg.append('\n').append(d);
                    }
                    throw new AssertionError(msg);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String classpathString() {
        List<String> entries = new ArrayList<>();
        classpath.forEach(p -> entries.add(p.toString()));
        String own = System.getProperty("java.class.path");
        if (own != null && !own.isEmpty()) {
            entries.add(own);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Writes a Graft zip: {@code classes/}, {@code lib/*.jar}. */
    public Path zip(Path dir) {
        Path file = dir.resolve(name + ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : classEntries().entrySet()) {
                put(zip, "classes/" + e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Path> e : libraries.entrySet()) {
                put(zip, "lib/" + e.getKey(), Files.readAllBytes(e.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes a single jar holding the classes (libraries are not allowed in this layout). */
    public Path jar(Path dir) {
        if (!libraries.isEmpty()) {
            throw new IllegalStateException("a single-jar plugin bundles no lib/");
        }
        return Jars.write(dir.resolve(name + ".jar"), classEntries(), null);
    }

    /** Writes an exploded plugin directory: {@code classes/}, {@code lib/*.jar}. */
    public Path directory(Path dir) {
        Path root = dir.resolve(name);
        try {
            for (Map.Entry<String, byte[]> e : classEntries().entrySet()) {
                Path f = root.resolve("classes").resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
            for (Map.Entry<String, Path> e : libraries.entrySet()) {
                Path f = root.resolve("lib").resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.copy(e.getValue(), f);
            }
            Files.createDirectories(root.resolve("classes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** Every file of the compiled classes plus the added resources, by entry path. */
    public Map<String, byte[]> classEntries() {
        Map<String, byte[]> entries = new TreeMap<>();
        Path classes = classes();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    entries.put(classes.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.putAll(resources);
        return entries;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    /** Writes jars for tests. */
    public static final class Jars {
        private Jars() {
        }

        /**
         * Writes a jar.
         *
         * @param file the jar to write
         * @param entries entry path to content
         * @param mainAttributes manifest main attributes, or {@code null} for no manifest
         * @return {@code file}
         */
        public static Path write(Path file, Map<String, byte[]> entries, Map<String, String> mainAttributes) {
            try (OutputStream out = Files.newOutputStream(file)) {
                JarOutputStream jar;
                if (mainAttributes == null) {
                    jar = new JarOutputStream(out);
                } else {
                    Manifest mf = new Manifest();
                    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                    mainAttributes.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
                    jar = new JarOutputStream(out, mf);
                }
                try (jar) {
                    for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) {
                        jar.putNextEntry(new JarEntry(e.getKey()));
                        jar.write(e.getValue());
                        jar.closeEntry();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }
    }
}
