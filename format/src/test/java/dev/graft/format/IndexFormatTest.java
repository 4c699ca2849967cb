package dev.graft.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.format.Dependency;
import dev.graft.format.ExtensionDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexFormatTest {

    private static final List<ExtensionDescriptor> ENTRIES = List.of(
            new ExtensionDescriptor("com.x.Greeter", "com.x.b.Loud", 20,
                    List.of(Dependency.parse("search@^1.0.0"), Dependency.parse("lyrics@>=2.0.0 <3.0.0"))),
            new ExtensionDescriptor("com.x.Greeter", "com.x.a.Hello", 0, List.of()),
            new ExtensionDescriptor("com.x.Greeter", "com.x.a.Early", -5, List.of()),
            new ExtensionDescriptor("com.x.Codec", "com.x.a.Outer$Nested", 0, List.of()));

    @Test
    void writesSortedHumanReadableText() {
        assertEquals("""
                # Graft extension index. Format: docs/index-format.md
                graft-index 1

                point com.x.Codec
                  extension com.x.a.Outer$Nested ordinal=0

                point com.x.Greeter
                  extension com.x.a.Early ordinal=-5
                  extension com.x.a.Hello ordinal=0
                  extension com.x.b.Loud ordinal=20
                    dependency lyrics@>=2.0.0 <3.0.0
                    dependency search@^1.0.0
                """, IndexFormat.write(ENTRIES));
    }

    @Test
    void aParsedIndexMakesEachPointsDescriptorsOnRequest() {
        String text = """
                graft-index 1
                point com.x.Greeter
                  extension com.x.b.Loud ordinal=20
                    dependency search@^1.0.0
                  extension com.x.a.Hello ordinal=0
                point com.x.Codec
                  extension com.x.a.Outer$Nested ordinal=7
                    dependency lyrics@>=2.0.0 <3.0.0
                    dependency search@^1.0.0
                point com.x.Empty
                """;
        IndexFormat.Parsed parsed = IndexFormat.parse(text, "x.idx");
        assertEquals(List.of("com.x.Greeter", "com.x.Codec", "com.x.Empty"), parsed.points(), "file order");
        assertEquals(List.of(
                new ExtensionDescriptor("com.x.Greeter", "com.x.b.Loud", 20, List.of(Dependency.parse("search@^1.0.0"))),
                new ExtensionDescriptor("com.x.Greeter", "com.x.a.Hello", 0, List.of())),
                parsed.extensions("com.x.Greeter"));
        assertEquals(List.of(new ExtensionDescriptor("com.x.Codec", "com.x.a.Outer$Nested", 7,
                List.of(Dependency.parse("lyrics@>=2.0.0 <3.0.0"), Dependency.parse("search@^1.0.0")))),
                parsed.extensions("com.x.Codec"));
        assertEquals(List.of(), parsed.extensions("com.x.Empty"));
        assertEquals(List.of(), parsed.extensions("com.x.Unknown"));
        assertEquals(parsed.extensions("com.x.Codec"), parsed.extensions(1), "by the point's position");
        assertThrows(IndexOutOfBoundsException.class, () -> parsed.extensions(3));
        assertEquals(IndexFormat.read(text, "x.idx"), parsed.all());
        assertEquals(3, parsed.all().size());
        assertEquals(List.of(), IndexFormat.Parsed.EMPTY.points());
        assertEquals(List.of(), IndexFormat.Parsed.EMPTY.all());
    }

    @Test
    void aPoolStopsGrowingAtItsBoundAndThenSharesNothingNew() {
        NamePool pool = new NamePool();
        for (int i = 0; i < NamePool.MAX_NAMES + 100; i++) {
            pool.canonical("p.Point" + i);
        }
        assertEquals(NamePool.MAX_NAMES, pool.size());
        String kept = new String("p.Point0");
        assertNotSame(kept, pool.canonical(kept), "a name it holds is shared");
        String beyond = new String("p.Point" + (NamePool.MAX_NAMES + 50));
        assertSame(beyond, pool.canonical(beyond), "a name beyond the bound is the caller's own");
        assertEquals(NamePool.MAX_NAMES, pool.size());
    }

    @Test
    void indexesReadWithOnePoolShareOneStringPerPoint() {
        String a = "graft-index 1\npoint com.x.Greeter\n  extension a.Hello ordinal=0\n";
        String b = "graft-index 1\npoint com.x.Greeter\n  extension b.Hello ordinal=0\n";
        NamePool pool = new NamePool();
        IndexFormat.Parsed first = IndexFormat.parse(a, "a.idx", pool);
        IndexFormat.Parsed second = IndexFormat.parse(b, "b.idx", pool);
        assertSame(first.points().get(0), second.points().get(0));
        assertSame(first.points().get(0), second.extensions("com.x.Greeter").get(0).point(), "the descriptors hold it too");
        assertNotSame(first.points().get(0), IndexFormat.parse(b, "b.idx").points().get(0), "without the pool, a copy each");
    }

    @Test
    void tellsWhetherAClassIsListedUnderSeveralPoints() {
        String once = "graft-index 1\npoint a.P\n  extension a.B ordinal=0\npoint a.Q\n  extension a.C ordinal=0\n";
        String twice = "graft-index 1\npoint a.P\n  extension a.B ordinal=0\npoint a.Q\n  extension a.B ordinal=0\n";
        assertFalse(IndexFormat.parse(once, "x.idx").hasClassUnderSeveralPoints());
        assertTrue(IndexFormat.parse(twice, "x.idx").hasClassUnderSeveralPoints());
        assertFalse(IndexFormat.Parsed.EMPTY.hasClassUnderSeveralPoints());
        FormatException e = assertThrows(FormatException.class, () -> IndexFormat.parse(
                "graft-index 1\npoint a.P\n  extension a.B ordinal=0\n  extension a.B ordinal=1\n", "x.idx"));
        assertEquals("x.idx:4: extension a.B is listed twice under point a.P", e.getMessage());
    }

    @Test
    void aParsedIndexIsCheckedWholeBeforeAnyPointIsAskedFor() {
        FormatException e = assertThrows(FormatException.class, () -> IndexFormat.parse(
                "graft-index 1\npoint a.P\n  extension a.B ordinal=0\npoint a.Q\n  extension a.C ordinal=x\n", "x.idx"));
        assertEquals("x.idx:5: expected 'extension <binary class name> ordinal=<integer>', found 'extension a.C ordinal=x'",
                e.getMessage(), "a problem under a point no host asks for still fails the index");
    }

    @Test
    void outputDoesNotDependOnInputOrder() {
        List<ExtensionDescriptor> shuffled = new ArrayList<>(ENTRIES);
        Collections.reverse(shuffled);
        assertEquals(IndexFormat.write(ENTRIES), IndexFormat.write(shuffled));
    }

    @Test
    void readsWhatItWrites() {
        List<ExtensionDescriptor> read = IndexFormat.read(IndexFormat.write(ENTRIES), "test.idx");
        assertEquals(IndexFormat.write(ENTRIES), IndexFormat.write(read));
        assertEquals(4, read.size());
        ExtensionDescriptor loud = read.stream().filter(e -> e.className().equals("com.x.b.Loud")).findFirst().orElseThrow();
        assertEquals(20, loud.ordinal());
        assertEquals("com.x.Greeter", loud.point());
        assertEquals(2, loud.dependencies().size());
    }

    @Test
    void acceptsWindowsLineEndingsAndComments() {
        String text = "# comment\r\ngraft-index 1\r\npoint a.B\r\n  # another\r\nextension a.C ordinal=3\r\n";
        assertEquals(List.of(new ExtensionDescriptor("a.B", "a.C", 3, List.of())), IndexFormat.read(text, "x"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                                  | x.idx: expected the header 'graft-index 1', found an empty file",
        "graft-plugin 1                                      | x.idx:1: expected the header 'graft-index 1', found 'graft-plugin 1'",
        "graft-index 2                                       | x.idx:1: unsupported format version '2': this loader reads graft-index 1",
        "graft-index 1\\nextension a.B ordinal=0              | x.idx:2: expected a 'point <name>' line before the first extension, found 'extension a.B ordinal=0'",
        "graft-index 1\\npoint a.P\\nextension a.B             | x.idx:3: expected 'extension <binary class name> ordinal=<integer>', found 'extension a.B'",
        "graft-index 1\\npoint a.P\\nextension a.B ordinal=x1  | x.idx:3: expected 'extension <binary class name> ordinal=<integer>', found 'extension a.B ordinal=x1'",
        "graft-index 1\\npoint a..P                           | x.idx:2: expected 'point <binary name of the extension point>', found 'point a..P'",
        "graft-index 1\\npoint a.P\\ndependency x             | x.idx:3: expected an 'extension' line before its dependency, found 'dependency x'",
        "graft-index 1\\npoint a.P\\nextension a.B ordinal=0\\ndependency x?  | x.idx:4: expected a required dependency, found optional 'x?'",
        "graft-index 1\\npoint a.P\\nextension a.B ordinal=0\\nextension a.B ordinal=1 | x.idx:4: extension a.B is listed twice under point a.P",
        "graft-index 1\\npoint a.P\\nextension a.B ordinal=0\\ndependency x\\ndependency x@1.x | x.idx:5: extension a.B names dependency 'x' twice",
        "graft-index 1\\nwhatever                             | x.idx:2: expected 'point', 'extension' or 'dependency', found 'whatever'",
        "graft-index 1\\npoint a.P\\nextension a.B ordinal=0\\npoint a.Q\\npoint a.P | x.idx:5: point a.P is listed twice; list each point once, with all its extensions",
    })
    void namesFileLineExpectedAndFound(String text, String message) {
        FormatException e = assertThrows(FormatException.class, () -> IndexFormat.read(text.replace("\\n", "\n"), "x.idx"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void namesABadDependencyWithItsSyntax() {
        FormatException e = assertThrows(FormatException.class, () -> IndexFormat.read(
                "graft-index 1\npoint a.P\nextension a.B ordinal=0\ndependency x@[1,2)\n", "x.idx"));
        assertEquals(4, e.line());
        assertEquals("x.idx", e.source());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(">=1.0.0 <2.0.0"), e.getMessage());
    }
}
