package dev.graft.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.graft.format.Dependency;
import dev.graft.format.PluginManifest;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestFormatTest {

    private static final PluginManifest MANIFEST = new PluginManifest("lavasrc", Version.parse("4.2.0-SNAPSHOT"),
            VersionRange.parse(">=4.0.0 <5.0.0"),
            List.of(Dependency.parse("lyrics?"), Dependency.parse("lavasearch?@^1.0.0"), Dependency.parse("api@1.x")),
            List.of("com.lavasrc.api", "com.lavasrc.spi.*"), 17);

    @Test
    void writesSortedText() {
        assertEquals("""
                # Graft plugin manifest. Format: docs/index-format.md
                graft-plugin 1
                id lavasrc
                version 4.2.0-SNAPSHOT
                requires >=4.0.0 <5.0.0
                java 17
                dependency api@1.x
                dependency lavasearch?@^1.0.0
                dependency lyrics?
                export com.lavasrc.api
                export com.lavasrc.spi.*
                """, ManifestFormat.write(MANIFEST));
    }

    @Test
    void readsWhatItWrites() {
        PluginManifest read = ManifestFormat.read(ManifestFormat.write(MANIFEST), "m");
        assertEquals(ManifestFormat.write(MANIFEST), ManifestFormat.write(read));
        assertEquals("lavasrc", read.id());
        assertEquals(Version.parse("4.2.0-SNAPSHOT"), read.version());
        assertEquals(3, read.dependencies().size());
        assertEquals(true, read.dependencyOn("lyrics").orElseThrow().optional());
        assertEquals(java.util.Optional.empty(), read.dependencyOn("absent"), "no dependency: empty, not null");
        assertEquals(17, read.javaRelease());
    }

    @Test
    void omitsAnUnrestrictedHostRange() {
        PluginManifest m = new PluginManifest("a", Version.parse("1.0.0"), VersionRange.ANY, List.of(), List.of());
        assertEquals("# Graft plugin manifest. Format: docs/index-format.md\ngraft-plugin 1\nid a\nversion 1.0.0\n",
                ManifestFormat.write(m));
        assertEquals(VersionRange.ANY, ManifestFormat.read(ManifestFormat.write(m), "m").requires());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "graft-plugin 1\\nversion 1.0.0                  | m: expected an 'id <plugin id>' line, found none",
        "graft-plugin 1\\nid a                           | m: expected a 'version <semantic version>' line, found none",
        "graft-plugin 1\\nid a\\nid b                     | m:3: 'id' is given twice",
        "graft-plugin 1\\nid a\\nversion 1.0             | m:3: bad 'version' line: '1.0': expected a semantic version MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], for example 1.4.0 or 2.0.0-rc.1",
        "graft-plugin 1\\nid a b\\nversion 1.0.0         | m:2: bad 'id' line: 'a b': not a valid plugin id; expected ASCII letters (a-z, A-Z), digits (0-9), '.', '_' and '-', starting with a letter or digit, at most 64 characters, for example lavasrc or audio-filters",
        "graft-plugin 1\\nid a\\nversion 1.0.0\\ndependency b\\ndependency b? | m:5: dependency 'b' is named twice",
        "graft-plugin 1\\nid a\\nversion 1.0.0\\ndependency a | m: plugin 'a' lists itself as a dependency",
        // found by ParserFuzzTest: a NUL is a Java "identifier-ignorable" character, so com.la<NUL>va looked like a name
        "graft-plugin 1\\nid a\\nversion 1.0.0\\nexport com.la\u0000va | m:4: bad 'export' line: 'com.la\u0000va': not a package pattern; expected a package name such as com.example.api, or com.example.api.* for the package and its subpackages",
        "graft-plugin 1\\nid a\\nversion 1.0.0\\nexport com..x | m:4: bad 'export' line: 'com..x': not a package pattern; expected a package name such as com.example.api, or com.example.api.* for the package and its subpackages",
        "graft-plugin 1\\nid a\\nname b                  | m:3: expected 'id', 'version', 'requires', 'java', 'dependency' or 'export', found 'name b'",
        "graft-plugin 1\\nid a\\nversion 1.0.0\\njava 017 | m:4: expected 'java <feature release>', such as 'java 17', found 'java 017'",
        "graft-plugin 1\\nid a\\nversion 1.0.0\\njava | m:4: expected 'java <feature release>', such as 'java 17', found 'java'",
        "graft-plugin 1\\nid a\\nversion 1.0.0\\njava 1000 | m:4: expected 'java <feature release>', such as 'java 17', found 'java 1000'",
        "graft-plugin 1\\nid a\\nversion 1.0.0\\njava 1x | m:4: expected 'java <feature release>', such as 'java 17', found 'java 1x'",
        "graft-plugin 1\\nid a\\nversion 1.0.0\\njava 17\\njava 17 | m:5: 'java' is given twice",
        "graft-index 1                                   | m:1: expected the header 'graft-plugin 1', found 'graft-index 1'",
    })
    void namesFileLineExpectedAndFound(String text, String message) {
        FormatException e = assertThrows(FormatException.class, () -> ManifestFormat.read(text.replace("\\n", "\n"), "m"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aProblemNamedInAnotherFileReadsAsIfParsedThere() {
        String text = "graft-plugin 1\nid p\nversion one\n";
        FormatException short_ = assertThrows(FormatException.class, () -> ManifestFormat.read(text, ManifestFormat.PATH));
        FormatException full = assertThrows(FormatException.class, () -> ManifestFormat.read(text, "p.zip!/classes/"
                + ManifestFormat.PATH));
        FormatException moved = short_.in("p.zip!/classes/" + ManifestFormat.PATH);
        assertEquals(full.getMessage(), moved.getMessage());
        assertEquals(full.source(), moved.source());
        assertEquals(3, moved.line());
        assertEquals(full.problem(), moved.problem());
    }
}
