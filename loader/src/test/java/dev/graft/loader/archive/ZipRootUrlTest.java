package dev.graft.loader.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZipRootUrlTest {

    @TempDir
    Path dir;

    /** The URL built without Path.toUri must be the one Path.toUri would give, whatever the name. */
    @ParameterizedTest
    @ValueSource(strings = {"plugin.zip", "my-plugin_1.0~rc.zip", "with space.zip", "hash#and%percent.zip",
        "\u00e9moji-\u2603.zip", "semi;colon.jar", "[brackets].zip"})
    void fileUrlEqualsTheUriOfThePath(String name) throws Exception {
        Path file = Files.createFile(dir.resolve(name));
        URL expected = file.toUri().toURL();
        URL actual = ZipRoot.fileUrl(file);
        assertEquals(expected.toExternalForm(), actual.toExternalForm(), name);
        assertEquals(expected, actual, name);
        assertEquals(file, Path.of(actual.toURI()), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relative.zip"})
    void aRelativePathIsMadeAbsolute(String name) throws Exception {
        Path relative = Path.of(name);
        assertEquals(relative.toUri().toURL().toExternalForm(), ZipRoot.fileUrl(relative).toExternalForm());
    }
}
