package dev.graft.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The messages for range mistakes that have a likely intent: each names what is wrong and the fix. */
class RangeMessagesTest {

    private static String problem(String text) {
        return assertThrows(SyntaxException.class, () -> VersionRange.parse(text)).problem();
    }

    @Test
    void warnsOfAHyphenRangeWrittenWithoutSpaces() {
        assertEquals(Optional.of("'4.0.0-5.0.0' is one version, 4.0.0 with the pre-release '5.0.0', not a range:"
                + " only that pre-release matches, never a release; for the versions from 4.0.0 to 5.0.0 write a"
                + " hyphen range with a space on each side of '-', '4.0.0 - 5.0.0' (up to and including 5.0.0),"
                + " or '>=4.0.0 <5.0.0' (below 5.0.0)"), VersionRange.parse("4.0.0-5.0.0").warning());
        assertTrue(VersionRange.parse("^1.0.0 || 4.0.0-5.0").warning().orElseThrow().startsWith("'4.0.0-5.0' is one"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.0.0", "1.0.0-rc.1", "1.0.0-2", "1.0.0-0.3.7", ">=4.0.0-5.0.0", "4.0.0 - 5.0.0", "^1.0.0"})
    void doesNotWarnOfOrdinaryPreReleases(String text) {
        assertEquals(Optional.empty(), VersionRange.parse(text).warning(), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1.0-2.0     ; 1.0-2.0 ; 1.0 - 2.0",
        "1-2         ; 1-2     ; 1 - 2",
        "1.0.0- 2.0.0; 1.0.0-  ; 1.0.0 - 2.0.0",
        "1.0.0 -2.0.0; -2.0.0  ; 1.0.0 - 2.0.0",
    })
    void namesTheSpacesAHyphenRangeNeeds(String text, String token, String fix) {
        assertEquals("'" + token + "' is not a version or comparator: a hyphen range needs a space on each side of '-';"
                + " write '" + fix + "'; expected " + VersionRange.SYNTAX, problem(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        ">>1       ; '>' and then '>' ; >1",
        "> >1      ; '>' and then '>' ; >1",
        "=>1.0.0   ; '=' and then '>' ; >=1.0.0",
        "=<1.0.0   ; '=' and then '<' ; <=1.0.0",
        ">=>1.0.0  ; '>=' and then '>'; >=1.0.0",
        "~^1.2     ; '~' and then '^' ; ~1.2",
    })
    void explainsADoubledOperator(String text, String operators, String fix) {
        String token = text.replace(" ", "");
        assertEquals("'" + token + "' has two operators, " + operators + "; a comparator is one operator followed"
                + " by a version: write '" + fix + "'; expected " + VersionRange.SYNTAX, problem(text));
    }

    @Test
    void explainsAnOperatorWithoutVersion() {
        assertEquals("'>=' has no version after it: write one, for example '>=1.0.0'; expected " + VersionRange.SYNTAX,
                problem(">="));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1.0,2.0       ; write '>=1.0.0 <2.0.0' for the versions from 1.0.0 below 2.0.0, or '1.0.0 || 2.0.0' for either",
        "1.0, 2.0, 3.0 ; write '1.0.0 || 2.0.0 || 3.0.0' for any of them",
        ">=1.0, <2.0   ; write '>=1.0 <2.0' for all of them, or '>=1.0 || <2.0' for any",
        "^1.0.0,^2.0.0 ; write '^1.0.0 ^2.0.0' for all of them, or '^1.0.0 || ^2.0.0' for any",
    })
    void suggestsTheNpmFormOfACommaList(String text, String fix) {
        assertEquals("commas are not part of the range syntax: npm ranges use a space for AND and '||' for OR; "
                + fix + ". Accepted: " + VersionRange.SYNTAX, problem(text));
    }

    @Test
    void keepsTheGeneralMessageForACommaListThatIsNoRange() {
        assertEquals("commas are not part of the range syntax: npm ranges use a space for AND and '||' for OR."
                + " Accepted: " + VersionRange.SYNTAX, problem("1.0,latest"));
    }

    @Test
    void saysAHyphenRangeNeedsBothEnds() {
        assertEquals("a hyphen range needs both ends: 1.0.0 - 2.0.0; '1.0.0 -' has no upper bound: write one after"
                + " '-', or '>=1.0.0' for no upper bound; expected " + VersionRange.SYNTAX, problem("1.0.0 -"));
        assertEquals("a hyphen range needs both ends: 1.0.0 - 2.0.0; '- 2.0.0' has no lower bound: write one before"
                + " '-', or '<=2.0.0' for no lower bound; expected " + VersionRange.SYNTAX, problem("- 2.0.0"));
        assertEquals("a hyphen range needs both ends: 1.0.0 - 2.0.0; expected " + VersionRange.SYNTAX, problem("-"));
        assertEquals("a hyphen range is two versions with ' - ' between them and nothing else in its alternative,"
                + " for example 1.0.0 - 2.0.0; expected " + VersionRange.SYNTAX, problem("1.0.0 - 2.0.0 - 3.0.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {">>", "1.0.0- ", "- ", "1,", ">=1.0, <", "- 1.0.0 -"})
    void quotesNoLongTokenInATailoredMessage(String prefix) {
        String text = prefix.replace("1.0.0", "1.0.0-" + "a".repeat(3000)) + "1.0.0-" + "a".repeat(3000);
        SyntaxException e = assertThrows(SyntaxException.class, () -> VersionRange.parse(text));
        assertTrue(e.getMessage().length() < 1200, e.getMessage().length() + ": " + e.getMessage());
    }

    @Test
    void explainsCaretAndTildeAsTheCodeReducesThem() {
        for (String range : new String[] {"^1.2.0", "~1.2.0"}) {
            String reduced = VersionRange.parse(range).reduced();
            assertTrue(VersionRange.SYNTAX.contains(range + " (" + reduced), range + " is explained as " + reduced
                    + ": " + VersionRange.SYNTAX);
        }
    }

    @Test
    void saysThatPluginIdsAreAscii() {
        assertTrue(PluginId.SYNTAX.startsWith("ASCII letters (a-z, A-Z), digits (0-9), '.', '_' and '-'"),
                PluginId.SYNTAX);
        assertThrows(SyntaxException.class, () -> PluginId.check("plügin"));
    }
}
