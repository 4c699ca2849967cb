package dev.graft.loader.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.graft.format.Dependency;
import dev.graft.format.ExtensionDescriptor;
import dev.graft.format.FormatException;
import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import dev.graft.format.PluginManifest;
import dev.graft.format.SyntaxException;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import dev.graft.loader.pf4j.ClassHeader;
import dev.graft.loader.pf4j.Pf4jDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes every parser of untrusted input: the extension index, the plugin manifest, dependency
 * expressions, version ranges, versions, pf4j descriptors and class-file headers. Each may throw
 * only its documented exception ({@link FormatException}, {@link SyntaxException},
 * {@link IOException}); anything else is a finding. What parses must also survive a round trip
 * through its writer unchanged.
 *
 * <p>The last byte of an input selects the parser (see {@code ParserFuzzTestInputs/parsers/} for
 * the seeds); the rest is the file content. {@code mvn -B verify} runs the seeds and then fuzzes
 * for {@code fuzz.duration}; README gives the command for a longer run. Inputs that fail are
 * stored next to the seeds and replayed by every later run.
 */
class ParserFuzzTest {

    @FuzzTest
    void parsers(FuzzedDataProvider data) throws Exception {
        int parser = data.consumeInt(0, 6);
        byte[] bytes = data.consumeRemainingAsBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        switch (parser) {
            case 0 -> index(text);
            case 1 -> manifest(text);
            case 2 -> dependency(text);
            case 3 -> range(text);
            case 4 -> version(text);
            case 5 -> pf4j(text);
            default -> classHeader(bytes);
        }
    }

    private static void index(String text) {
        List<ExtensionDescriptor> read;
        try {
            read = IndexFormat.read(text, "fuzz.idx");
        } catch (FormatException expected) {
            return;
        }
        String written = IndexFormat.write(read);
        assertEquals(written, IndexFormat.write(IndexFormat.read(written, "rewritten.idx")));
    }

    private static void manifest(String text) {
        PluginManifest read;
        try {
            read = ManifestFormat.read(text, "fuzz.manifest");
        } catch (FormatException expected) {
            return;
        }
        String written = ManifestFormat.write(read);
        assertEquals(written, ManifestFormat.write(ManifestFormat.read(written, "rewritten.manifest")));
    }

    private static void dependency(String text) {
        Dependency d;
        try {
            d = Dependency.parse(text);
        } catch (SyntaxException expected) {
            return;
        }
        assertEquals(d, Dependency.parse(d.toString()));
    }

    private static void range(String text) {
        VersionRange r;
        try {
            r = VersionRange.parse(text);
        } catch (SyntaxException expected) {
            return;
        }
        VersionRange again = VersionRange.parse(r.toString());
        assertEquals(r.reduced(), again.reduced());
        r.isSatisfiable();
        r.intersects(VersionRange.parse("^1.0.0 || <0.1.0"));
        r.contains(Version.parse("1.2.3-rc.1"));
    }

    private static void version(String text) {
        try {
            Version v = Version.normalize(text);
            assertEquals(v, Version.parse(v.toString()));
        } catch (SyntaxException expected) {
            // documented
        }
        try {
            Version.parse(text);
        } catch (SyntaxException expected) {
            // documented
        }
    }

    private static void pf4j(String text) {
        try {
            Pf4jDescriptor.fromProperties(text, "plugin.properties");
        } catch (FormatException expected) {
            // documented
        }
    }

    private static void classHeader(byte[] bytes) {
        try {
            ClassHeader.parse(bytes);
        } catch (IOException expected) {
            // documented
        }
    }
}
