package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.graft.loader.testing.TestPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An entry is read no further than the limit, counted on the bytes inflated (a real zip's stream). */
class BoundedReadTest {

    @TempDir
    Path tmp;

    @Test
    void anEntryLargerThanTheLimitIsRefusedNamingItAndTheLimit() throws Exception {
        Path jar = TestPlugin.Jars.write(tmp.resolve("big.jar"), Map.of("a/Big.class", new byte[1000]), null);
        try (ZipFile zip = new ZipFile(jar.toFile()); InputStream in = zip.getInputStream(zip.getEntry("a/Big.class"))) {
            IOException e = assertThrows(IOException.class, () -> BoundedRead.read(in, "big.jar!/a/Big.class", 999));
            assertEquals("big.jar!/a/Big.class is larger than the limit of 999 bytes (ArchiveLimits.maxEntryBytes);"
                    + " it was not read further", e.getMessage());
        }
        try (ZipFile zip = new ZipFile(jar.toFile()); InputStream in = zip.getInputStream(zip.getEntry("a/Big.class"))) {
            assertArrayEquals(new byte[1000], BoundedRead.read(in, "big.jar!/a/Big.class", 1000), "at the limit it is read");
        }
    }
}
