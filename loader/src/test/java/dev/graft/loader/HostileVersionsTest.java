package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.format.Dependency;
import dev.graft.format.FormatException;
import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import dev.graft.format.SyntaxException;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.pf4j.Pf4jDescriptor;
import dev.graft.loader.testing.TestPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Versions, ranges and dependencies written to break the parsers: a 2 KB pre-release (1,000
 * identifiers) and numeric identifiers larger than a {@code long}. Each is refused with a
 * {@link SyntaxException} or read as SemVer says; none may throw anything else, on any stack.
 */
class HostileVersionsTest {

    /** A pre-release of 1,000 one-character identifiers: 2 KB, the finding. */
    static final String LONG_PRE = "a" + ".a".repeat(999);

    @TempDir
    Path tmp;

    @Test
    void aTwoKilobyteVersionIsRefusedSayingWhy() {
        String text = "1.0.0-" + LONG_PRE;
        for (Function<String, Version> reader : List.<Function<String, Version>>of(Version::parse, Version::normalize)) {
            SyntaxException e = assertThrows(SyntaxException.class, () -> reader.apply(text));
            assertTrue(e.getMessage().contains("longer than " + Version.MAX_LENGTH + " characters"), e.getMessage());
            assertTrue(e.getMessage().contains("(2005 characters)"), e.getMessage());
            assertTrue(e.getMessage().length() < 400, "the message quotes a shortened input: " + e.getMessage());
        }
    }

    @Test
    void aBuildToolVersionWithATwoKilobyteQualifierIsRefused() {
        // not strict SemVer, so normalize falls through to its regular expression and prerelease(...)
        SyntaxException e = assertThrows(SyntaxException.class, () -> Version.normalize("1.0-" + "01." + LONG_PRE));
        assertTrue(e.getMessage().contains("longer than 256 characters"), e.getMessage());
    }

    @Test
    void numericIdentifiersLargerThanALongAreComparedNumerically() {
        Version big = Version.parse("1.0.0-99999999999999999999");
        Version max = Version.parse("1.0.0-9223372036854775807");
        assertTrue(max.compareTo(big) < 0);
        assertTrue(big.compareTo(max) > 0);
        assertTrue(big.compareTo(Version.parse("1.0.0-99999999999999999998")) > 0);
        assertTrue(big.compareTo(Version.parse("1.0.0-a")) < 0, "numeric identifiers sort before alphanumeric ones");
        assertEquals(big, Version.parse("1.0.0-99999999999999999999+build"));
        assertTrue(Version.parse("1.0.0-a99999999999999999999").compareTo(Version.parse("1.0.0-a1")) > 0,
                "alphanumeric identifiers compare as ASCII text whatever digits they hold");
    }

    @ParameterizedTest
    @ValueSource(strings = {"^1.0.0-", ">=1.0.0-", "1.0.0-", "~1.0.0-", "1.0.0 - 2.0.0-", ">=1.0.0 <2.0.0-",
        "^1.0.0 || >=1.0.0-"})
    void aTwoKilobyteRangeTokenIsRefused(String prefix) {
        String text = prefix + LONG_PRE;
        SyntaxException e = assertThrows(SyntaxException.class, () -> VersionRange.parse(text));
        assertTrue(e.getMessage().contains("longer than 256 characters"), e.getMessage());
        assertTrue(e.getMessage().length() < 1200, "the message quotes a shortened input: " + e.getMessage().length());
    }

    @Test
    void aTwoKilobyteMavenRangeIsRefused() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> VersionRange.parse("[1.0.0-" + LONG_PRE + ",2)"));
        assertTrue(e.getMessage().contains("brackets, parentheses and commas"), e.getMessage());
    }

    @Test
    void rangesWithHugeNumericPreReleasesWork() {
        VersionRange range = VersionRange.parse(">=1.0.0-99999999999999999999 <1.0.0");
        assertTrue(range.contains(Version.parse("1.0.0-100000000000000000000")));
        assertTrue(range.contains(Version.parse("1.0.0-rc")));
        assertTrue(!range.contains(Version.parse("1.0.0-9")));
        assertTrue(range.isSatisfiable());
        assertTrue(range.intersects(VersionRange.parse("^1.0.0-0")));
    }

    @Test
    void aDependencyWithATwoKilobyteRangeNamesThePlugin() {
        for (String text : List.of("api@^1.0.0-" + LONG_PRE, "api?@>=1.0.0-" + LONG_PRE)) {
            SyntaxException e = assertThrows(SyntaxException.class, () -> Dependency.parse(text));
            assertTrue(e.getMessage().contains("bad range for plugin 'api'"), e.getMessage());
            assertTrue(e.getMessage().contains("longer than 256 characters"), e.getMessage());
        }
    }

    @Test
    void parsingAndComparingMaximalVersionsNeedsLittleStack() throws Exception {
        // 125 one-character identifiers: about the most a version of MAX_LENGTH characters holds
        String a = "10.0.0-a" + ".a".repeat(124);
        String b = a.substring(0, a.length() - 1) + "b";
        assertEquals(Version.MAX_LENGTH, a.length());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Integer> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                Version va = Version.parse(a);
                Version vb = Version.normalize(b);
                VersionRange r = VersionRange.parse(">=" + a + " <=" + b);
                boolean inRange = r.contains(va) && r.contains(vb) && r.isSatisfiable();
                result.set(inRange ? va.compareTo(vb) : 0);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 64 * 1024);
        t.start();
        t.join();
        assertNull(failure.get(), () -> "threw " + failure.get());
        assertEquals(-1, Integer.signum(result.get()));
    }

    @Test
    void aManifestLineWithATwoKilobyteVersionNamesTheFileAndLine() {
        String manifest = "graft-plugin 1\nid bad\nversion 1.0.0-" + LONG_PRE + "\n";
        FormatException e = assertThrows(FormatException.class, () -> ManifestFormat.read(manifest, "bad.zip!/plugin.manifest"));
        assertTrue(e.getMessage().contains("bad.zip!/plugin.manifest:3"), e.getMessage());
        assertTrue(e.getMessage().contains("longer than 256 characters"), e.getMessage());
        String requires = "graft-plugin 1\nid bad\nversion 1.0.0\nrequires >=1.0.0-" + LONG_PRE + "\n";
        e = assertThrows(FormatException.class, () -> ManifestFormat.read(requires, "bad.zip!/plugin.manifest"));
        assertTrue(e.getMessage().contains("bad.zip!/plugin.manifest:4"), e.getMessage());
    }

    @Test
    void aPf4jDescriptorWithATwoKilobyteVersionOrRangeNamesTheKey() {
        for (String line : List.of("plugin.version=1.0-" + LONG_PRE, "plugin.version=1.0\nplugin.requires=>=1.0.0-" + LONG_PRE,
                "plugin.version=1.0\nplugin.dependencies=api@>=1.0.0-" + LONG_PRE)) {
            FormatException e = assertThrows(FormatException.class,
                    () -> Pf4jDescriptor.fromProperties("plugin.id=bad\n" + line + "\n", "bad.zip!/plugin.properties"));
            assertTrue(e.getMessage().startsWith("bad.zip!/plugin.properties"), e.getMessage());
            assertTrue(e.getMessage().contains("longer than 256 characters"), e.getMessage());
        }
    }

    @Test
    void eachHostilePluginFailsAloneAndTheHealthyOneLoads() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        new Plugins(tmp).plugin("healthy").java("h.Hello", greeter("h.Hello", "still here"))
                .extension(GREETER, "h.Hello", 0).zip(dir);
        // each bad line is line 3 of its manifest
        hostile("badversion", "version 1.0.0-" + LONG_PRE + "\n").zip(dir);
        hostile("badrequires", "requires >=1.0.0-" + LONG_PRE + "\nversion 1.0.0\n").zip(dir);
        hostile("baddependency", "dependency healthy@^1.0.0-" + LONG_PRE + "\nversion 1.0.0\n").zip(dir);
        hostile("hugenumber", "version 1.0.0-99999999999999999999\ndependency healthy@>=1.0.0-99999999999999999999\n")
                .zip(dir);
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build()) {
            Map<String, PluginStatus> s = runtime.plugins().stream()
                    .collect(Collectors.toMap(PluginStatus::name, x -> x, (x, y) -> x));
            assertEquals(PluginState.LOADED, s.get("healthy").state(), s.toString());
            assertEquals(List.of("still here"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
            assertEquals(PluginState.LOADED, s.get("hugenumber").state(), "a version SemVer allows: " + s);
            for (String bad : List.of("badversion.zip", "badrequires.zip", "baddependency.zip")) {
                PluginStatus status = s.get(bad);
                assertEquals(PluginState.FAILED, status.state(), bad + ": " + s);
                assertTrue(status.reason().startsWith(bad + "!/") && status.reason().contains(ManifestFormat.PATH + ":3: bad"),
                        status.reason());
                assertTrue(status.reason().contains("longer than 256 characters"), status.reason());
            }
        }
    }

    private TestPlugin hostile(String id, String lines) {
        return TestPlugin.in(tmp, id).java(id + ".C", "package " + id + "; public class C {}")
                .resource(ManifestFormat.PATH, "graft-plugin 1\nid " + id + "\n" + lines)
                .resource(IndexFormat.PATH, IndexFormat.write(List.of()));
    }
}
