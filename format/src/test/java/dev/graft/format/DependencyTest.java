package dev.graft.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DependencyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "api               | api  | false | *",
        "api@^1.0.0        | api  | false | ^1.0.0",
        "api?              | api  | true  | *",
        "api?@>=1.0.0 <2.0.0 | api | true | >=1.0.0 <2.0.0",
        "lava.src_2-x@1.x  | lava.src_2-x | false | 1.x",
    })
    void parsesEveryForm(String text, String id, boolean optional, String range) {
        Dependency d = Dependency.parse(text);
        assertEquals(id, d.pluginId());
        assertEquals(optional, d.optional());
        assertEquals(range, d.range().toString());
        assertEquals(d, Dependency.parse(d.toString()), "the canonical form reads back");
    }

    @Test
    void checksTheVersion() {
        Dependency d = Dependency.parse("api@^1.2.0");
        assertTrue(d.accepts(Version.parse("1.9.0")));
        assertFalse(d.accepts(Version.parse("2.0.0")));
    }

    @Test
    void namesTheBadId() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> Dependency.parse("my plugin@^1.0.0"));
        assertEquals("'my plugin@^1.0.0': 'my plugin' is not a valid plugin id (" + PluginId.SYNTAX
                + "); expected " + Dependency.SYNTAX, e.getMessage());
    }

    @Test
    void namesTheBadRangeWithTheSyntax() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> Dependency.parse("api@[1.0,2.0)"));
        assertTrue(e.getMessage().startsWith("'api@[1.0,2.0)': bad range for plugin 'api': "), e.getMessage());
        assertTrue(e.getMessage().contains("'>=1.0.0 <2.0.0'"), e.getMessage());
    }

    @Test
    void rejectsMissingParts() {
        assertTrue(assertThrows(SyntaxException.class, () -> Dependency.parse("@^1.0.0")).getMessage()
                .contains("plugin id is missing"));
        assertTrue(assertThrows(SyntaxException.class, () -> Dependency.parse("api@")).getMessage()
                .contains("range after '@' is empty"));
    }
}
