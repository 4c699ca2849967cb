package dev.graft.format;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeTest {

    /**
     * Every (range, version) pair in node-semver-cases.tsv was evaluated by node-semver 7.8.6 with
     * includePrerelease (see src/test/node/range-cases.js); Graft must agree on each.
     */
    @Test
    void agreesWithNodeSemverOnEveryCase() throws IOException {
        String table;
        try (InputStream in = getClass().getResourceAsStream("/node-semver-cases.tsv")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Executable> checks = new ArrayList<>();
        for (String row : table.split("\n")) {
            String[] cols = row.split("\t");
            VersionRange range = VersionRange.parse(cols[0]);
            Version version = Version.parse(cols[1]);
            boolean expected = Boolean.parseBoolean(cols[2]);
            checks.add(() -> assertEquals(expected, range.contains(version),
                    () -> "'" + cols[0] + "' (reduced: " + range.reduced() + ") contains " + cols[1]));
        }
        assertTrue(checks.size() > 3000, "the table was read");
        assertAll(checks);
    }

    @Test
    void reducesCaretOfZeroMinorCorrectly() {
        // semver4j 6.0.0 reduces ^0.0 to ">=0.0.0-0 <0.0.0-0", which nothing satisfies.
        VersionRange range = VersionRange.parse("^0.0");
        assertTrue(range.contains(Version.parse("0.0.5")));
        assertFalse(range.contains(Version.parse("0.1.0")));
    }

    @Test
    void everyTokenOfAConjunctionCounts() {
        // semver4j 6.0.0 silently drops "^1.0.0" from "^1.0.0 <1.5.0" and keeps only "<1.5.0".
        VersionRange range = VersionRange.parse("^1.0.0 <1.5.0");
        assertFalse(range.contains(Version.parse("0.9.0")));
        assertTrue(range.contains(Version.parse("1.4.0")));
        assertFalse(range.contains(Version.parse("1.5.0")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "[1.0,2.0)   ; >=1.0.0 <2.0.0",
        "[1.0,2.0]   ; >=1.0.0 <=2.0.0",
        "(1.0,2.0)   ; >1.0.0 <2.0.0",
        "[1.0,)      ; >=1.0.0",
        "(,2.0]      ; <=2.0.0",
        "[1.5]       ; 1.5.0",
        "[1.0,2.0[   ; >=1.0.0 <2.0.0",
        "[1,2),[3,4) ; >=1.0.0 <2.0.0 || >=3.0.0 <4.0.0",
    })
    void rejectsMavenRangesNamingTheNpmEquivalent(String maven, String npm) {
        SyntaxException e = assertThrows(SyntaxException.class, () -> VersionRange.parse(maven));
        assertTrue(e.getMessage().contains("Maven-style range"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + npm + "'"), e.getMessage());
        // and the suggestion itself is a range that parses
        VersionRange.parse(npm);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // found by ParserFuzzTest: a numeric pre-release identifier with a leading zero reached semver4j
        ">=5.0.0-rc.1.0.01 <6",
        // found by ParserFuzzTest: U+0085 ends a line for '.', so the operator pattern did not match at all
        "1\u0085c",
        "abc", ">=1.0.0 garbage", "1.2.3.4", "^", ">=", "1.x.3", "01.2.3", "1.2.3 ||", "|| 1.0.0",
        "latest", "v1.2.3", "~>1.2", "1.2.x-beta", "1.0.0 - ", "(1.0"})
    void rejectsWhatIsNotInTheGrammar(String text) {
        SyntaxException e = assertThrows(SyntaxException.class, () -> VersionRange.parse(text));
        assertTrue(e.getMessage().contains("for example ^1.4.0"), "shows the accepted syntax: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("'" + text + "'"), "quotes the input: " + e.getMessage());
    }

    /** A range with a leading space skips the regex-free reading of simple ranges; both must agree. */
    @ParameterizedTest
    @ValueSource(strings = {"*", "x", "1", "1.2", "1.2.3", "1.x", "1.2.*", "^0.0.1", "^0.2", "^1.2.3", "~1",
        "~1.2", "~0.2.3", ">=1.2.3", ">1.2", "<2", "<=2.0.0", "=1.2.3", ">=*", "<1.x", "^x", "~*"})
    void readsSimpleRangesAsTheFullGrammarDoes(String text) {
        VersionRange simple = VersionRange.parse(text);
        VersionRange full = VersionRange.parse(" " + text);
        assertEquals(full.reduced(), simple.reduced(), text);
        assertEquals(full.toString(), simple.toString(), text);
        assertEquals(full, simple, text);
    }

    @Test
    void rejectsAnEmptyRange() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> VersionRange.parse("  "));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "^1.0.0         ; ^2.0.0          ; false",
        "^1.0.0         ; ^1.4.0          ; true",
        ">=1.2.0        ; <1.3.0          ; true",
        "<1.0.0         ; >=1.0.0         ; false",
        "<=1.0.0        ; >=1.0.0         ; true",
        ">1.0.0         ; <1.0.1-0        ; false",
        ">1.0.0         ; <1.0.1          ; true",
        ">1.0.0-rc      ; <1.0.0-rc.0     ; false",
        ">1.0.0-rc      ; <=1.0.0-rc.0    ; true",
        "1.2.3          ; ~1.2.0          ; true",
        "1.2.3          ; 1.2.4           ; false",
        "^1.0.0 || ^3.0.0 ; ^2.0.0 || 3.1.0 ; true",
        "*              ; 0.0.1           ; true",
    })
    void intersectsExactly(String a, String b, boolean expected) {
        VersionRange ra = VersionRange.parse(a);
        VersionRange rb = VersionRange.parse(b);
        assertEquals(expected, ra.intersects(rb), a + " and " + b);
        assertEquals(expected, rb.intersects(ra), b + " and " + a);
    }

    @Test
    void detectsUnsatisfiableRanges() {
        assertFalse(VersionRange.parse(">2.0.0 <1.0.0").isSatisfiable());
        assertFalse(VersionRange.parse("<*").isSatisfiable());
        assertTrue(VersionRange.parse(">=1.0.0 <=1.0.0").isSatisfiable());
    }

    @Test
    void keepsTheTextAsWrittenWithWhitespaceCollapsed() {
        assertEquals(">=1.0.0 <2.0.0 || ^3.0.0", VersionRange.parse("  >=1.0.0   <2.0.0||^3.0.0 ").toString());
        assertEquals(">=1.2.0 <2.0.0-0", VersionRange.parse("^1.2.0").reduced());
        assertTrue(VersionRange.parse("*").isAny());
        assertFalse(VersionRange.parse("^1.0.0").isAny());
    }

    /**
     * The versions of a range were read by a regular expression until it overflowed the stack on
     * long pre-releases (HostileVersionsTest); the scanner that replaced it must accept exactly the
     * tokens that expression accepted. Random tokens over the grammar's characters, with and
     * without an operator in front.
     */
    @Test
    void readsVersionTokensExactlyAsTheFormerRegularExpressionDid() {
        String nr = "(?:0|[1-9]\\d{0,8})";
        String xr = "(x|X|\\*|" + nr + ")";
        String pre = "(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)";
        String build = "[0-9A-Za-z-]+";
        java.util.regex.Pattern former = java.util.regex.Pattern.compile(xr + "(?:\\." + xr + "(?:\\." + xr
                + "(?:-(" + pre + "(?:\\." + pre + ")*))?(?:\\+(" + build + "(?:\\." + build + ")*))?)?)?");
        java.util.Random random = new java.util.Random(7);
        String alphabet = "0012399xX*...--+a";
        int accepted = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder token = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = (random.nextBoolean() ? ">=" : "") + token;
            boolean grammar = former.matcher(token).matches();
            String problem = problem(text);
            if (problem == null) {
                accepted++;
            }
            // a lone '-' gets the hyphen range's own message
            boolean notAVersion = problem != null && (problem.contains("is not a version or comparator")
                    || problem.contains("a hyphen range needs both ends"));
            assertEquals(!grammar, notAVersion, () -> "'" + text + "': " + grammar + " " + problem);
        }
        assertTrue(accepted > 1000, "enough tokens were versions: " + accepted);
    }

    /** @return the message of the SyntaxException that parsing {@code text} throws, or {@code null} */
    private static String problem(String text) {
        try {
            VersionRange.parse(text);
            return null;
        } catch (SyntaxException e) {
            return e.getMessage();
        }
    }
}
