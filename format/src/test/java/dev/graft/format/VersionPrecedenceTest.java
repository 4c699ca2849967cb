package dev.graft.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.semver4j.Semver;

/**
 * {@link Version#compareTo} implements SemVer 2.0.0 precedence itself. semver4j 6.0.0 is its oracle
 * wherever semver4j follows SemVer; where it does not, SemVer's own text decides.
 */
class VersionPrecedenceTest {

    @Test
    void ordersSemverOrgsExample() {
        // semver.org, section 11.4
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1");
        for (int i = 0; i < ordered.size(); i++) {
            for (int j = 0; j < ordered.size(); j++) {
                Version a = Version.parse(ordered.get(i));
                Version b = Version.parse(ordered.get(j));
                assertEquals(Integer.signum(Integer.compare(i, j)), Integer.signum(a.compareTo(b)), a + " vs " + b);
            }
        }
    }

    @Test
    void alphanumericIdentifiersCompareAsAsciiTextWhereSemver4jDoesNot() {
        // SemVer 11.4.2: "identifiers with letters or hyphens are compared lexically in ASCII sort order";
        // semver4j 6.0.0 puts rc10 after rc9, treats an identifier "undef" as missing, and compares a
        // numeric identifier with an alphanumeric one as text (11.4.3: numeric ones always come first).
        assertTrue(Version.parse("1.0.0-rc10").compareTo(Version.parse("1.0.0-rc9")) < 0);
        assertTrue(new Semver("1.0.0-rc10").compareTo(new Semver("1.0.0-rc9")) > 0, "semver4j differs here");
        assertTrue(Version.parse("1.0.0-undef.a").compareTo(Version.parse("1.0.0-undef.b")) < 0);
        assertEquals(0, new Semver("1.0.0-undef.a").compareTo(new Semver("1.0.0-undef.b")), "semver4j differs here");
        assertTrue(Version.parse("1.0.0-1").compareTo(Version.parse("1.0.0--")) < 0);
        assertTrue(new Semver("1.0.0-1").compareTo(new Semver("1.0.0--")) > 0, "semver4j differs here");
        assertTrue(Version.parse("1.0.0-A").compareTo(Version.parse("1.0.0-a")) < 0, "ASCII: upper case first");
        assertTrue(Version.parse("1.0.0--").compareTo(Version.parse("1.0.0-0a")) < 0, "ASCII: '-' before digits");
    }

    /**
     * Random versions whose identifiers are either all digits (fitting in a long) or without any
     * digit and not starting with '-', where semver4j implements SemVer: Graft's order must be semver4j's, and equal
     * versions must have equal hash codes.
     */
    @Test
    void agreesWithSemver4jOnRandomVersions() {
        Random random = new Random(12);
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            versions.add(randomVersion(random));
        }
        int compared = 0;
        for (String a : versions) {
            for (String b : versions) {
                int expected = Integer.signum(new Semver(a).compareTo(new Semver(b)));
                Version va = Version.parse(a);
                Version vb = Version.parse(b);
                assertEquals(expected, Integer.signum(va.compareTo(vb)), a + " vs " + b);
                assertEquals(expected == 0, va.equals(vb), a + " equals " + b);
                if (expected == 0) {
                    assertEquals(va.hashCode(), vb.hashCode(), a + " and " + b);
                }
                compared++;
            }
        }
        assertEquals(160_000, compared);
    }

    private static String randomVersion(Random r) {
        StringBuilder s = new StringBuilder().append(r.nextInt(3)).append('.').append(r.nextInt(3)).append('.')
                .append(r.nextInt(3));
        int identifiers = r.nextInt(4);
        for (int i = 0; i < identifiers; i++) {
            s.append(i == 0 ? '-' : '.');
            switch (r.nextInt(4)) {
                case 0 -> s.append(r.nextInt(3));
                case 1 -> s.append(Math.abs(r.nextLong() >> r.nextInt(63)));
                case 2 -> s.append("aAzZ".charAt(r.nextInt(4)));
                default -> s.append(new String[] {"alpha", "beta", "rc", "SNAPSHOT", "al-pha", "b"}[r.nextInt(6)]);
            }
        }
        if (r.nextInt(4) == 0) {
            s.append("+build.").append(r.nextInt(5));
        }
        return s.toString();
    }

    @Test
    void comparesNumericIdentifiersOfAnyLengthNumerically() {
        String nines = "9".repeat(200);
        Version big = Version.parse("1.0.0-" + nines);
        Version bigger = Version.parse("1.0.0-1" + "0".repeat(200));
        assertTrue(big.compareTo(bigger) < 0);
        assertTrue(bigger.compareTo(big) > 0);
        assertEquals(big, Version.parse("1.0.0-" + nines + "+b"));
    }
}
