package dev.graft.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @ParameterizedTest
    @CsvSource({
        "1.2-SNAPSHOT, 1.2.0-SNAPSHOT",
        "4, 4.0.0",
        "1.0.0.Final, 1.0.0-Final",
        "1.2.3, 1.2.3",
        "2.0.0-rc.1+build.5, 2.0.0-rc.1+build.5",
        "v3.1, 3.1.0",
        "1.02.3, 1.2.3",
        "1.0-rc.01, 1.0.0-rc.1",
    })
    void normalizesBuildToolVersions(String input, String expected) {
        assertEquals(expected, Version.normalize(input).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0", "1.2.3", "999999999.999999999.999999999", "2.0.0-rc.1+build.5", "1.0.0+a-b.007",
        "10.20.30-alpha.beta.1", "1.0.0-0A.is.legal", "1.0.0-x-y-z.--", "1.0.0--+--"})
    void printsAStrictVersionAsItWasWritten(String input) {
        assertEquals(input, Version.parse(input).toString());
        assertEquals(input, Version.parse(" " + input + "\t").toString(), "trimmed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "01.2.3", "1.2.3-", "1.2.3+", "x.y.z", "", "1.2.3-01"})
    void parseIsStrict(String input) {
        SyntaxException e = assertThrows(SyntaxException.class, () -> Version.parse(input));
        assertTrue(e.getMessage().contains("semantic version"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SNAPSHOT", "1..2", "1.2.3+", "-1"})
    void normalizeRejectsWhatIsNoVersion(String input) {
        assertThrows(SyntaxException.class, () -> Version.normalize(input));
    }

    @Test
    void comparesBySemverPrecedence() {
        assertTrue(Version.parse("1.0.0-SNAPSHOT").compareTo(Version.parse("1.0.0")) < 0);
        assertTrue(Version.parse("1.0.0-rc.2").compareTo(Version.parse("1.0.0-rc.10")) < 0);
        assertEquals(Version.parse("1.0.0+a"), Version.parse("1.0.0+b"));
        assertEquals(Version.parse("1.2.4-0"), Version.parse("1.2.3").successor());
        assertEquals(Version.parse("1.2.3-rc.0"), Version.parse("1.2.3-rc").successor());
    }
}
