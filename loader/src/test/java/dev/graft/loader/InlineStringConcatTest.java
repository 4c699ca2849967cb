package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The one cold-start trick Graft keeps: the loader is compiled with {@code -XDstringConcat=inline}
 * (loader/pom.xml), so its string concatenations are {@code StringBuilder} calls and a host's first
 * plugin load does not spin {@code java.lang.invoke} concatenation shapes. Compiled without the
 * flag, every class that concatenates names {@code StringConcatFactory} in its constant pool.
 */
class InlineStringConcatTest {

    private static final byte[] FACTORY = "java/lang/invoke/StringConcatFactory".getBytes(StandardCharsets.UTF_8);

    @Test
    void noLoaderClassBootstrapsStringConcatFactory() throws Exception {
        Path location = Path.of(PluginRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classes = new ArrayList<>();
        List<String> offenders = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    check(location.relativize(f).toString().replace(File.separatorChar, '/'), Files.readAllBytes(f), classes,
                            offenders);
                }
            }
        } else {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                for (ZipEntry e : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                    try (InputStream in = jar.getInputStream(e)) {
                        check(e.getName(), in.readAllBytes(), classes, offenders);
                    }
                }
            }
        }
        assertTrue(classes.contains("dev/graft/loader/PluginRuntime.class"), "the loader's classes were read: " + location);
        assertTrue(classes.size() > 50, "the loader's classes were read: " + classes.size());
        assertEquals(List.of(), offenders, "classes compiled without -XDstringConcat=inline");
    }

    private static void check(String name, byte[] bytes, List<String> classes, List<String> offenders) {
        classes.add(name);
        if (contains(bytes, FACTORY)) {
            offenders.add(name);
        }
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
