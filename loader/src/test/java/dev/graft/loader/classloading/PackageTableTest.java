package dev.graft.loader.classloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PackageTable} against a {@link HashMap} keyed by the package substring. */
class PackageTableTest {

    @Test
    void answersAsAMapOfPackageSubstringsDoes() {
        Random random = new Random(20261129);
        for (int round = 0; round < 300; round++) {
            Map<String, Integer> oracle = new HashMap<>();
            int size = random.nextInt(round < 10 ? 3 : 200);
            for (int i = 0; i < size; i++) {
                oracle.put(packageName(random), i);
            }
            PackageTable<Integer> table = new PackageTable<>(oracle);
            List<String> probes = new ArrayList<>(oracle.keySet());
            for (int i = 0; i < 50; i++) {
                probes.add(packageName(random));
            }
            for (String pkg : probes) {
                assertEquals(oracle.get(pkg), table.get(pkg), pkg);
                String className = pkg.isEmpty() ? "Main" : pkg + ".Main";
                assertEquals(oracle.get(pkg), table.forClass(className), className);
                assertEquals(oracle.get(pkg), table.forClass(pkg + ".Outer$Inner"), "nested in " + pkg);
            }
        }
    }

    @Test
    void findsOnlyTheWholePackageBeforeTheLastDot() {
        PackageTable<String> table = new PackageTable<>(Map.of("a", "a", "a.b", "a.b", "", "unnamed"));
        assertEquals("a.b", table.forClass("a.b.C"));
        assertEquals("a", table.forClass("a.C"));
        assertEquals("unnamed", table.forClass("C"));
        assertNull(table.forClass("a.bc.D"), "a prefix of a key's text is not its package");
        assertNull(table.forClass("ab.C"));
        assertNull(table.forClass("a.b.c.D"), "sub-packages are other packages");
        assertNull(PackageTable.<String>empty().forClass("a.b.C"));
        assertNull(PackageTable.<String>empty().forClass("C"));
    }

    /** Short names over a small alphabet, so that prefixes, equal hashes and probe runs are common. */
    private static String packageName(Random random) {
        if (random.nextInt(20) == 0) {
            return "";
        }
        StringBuilder name = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int p = 0; p < parts; p++) {
            if (p > 0) {
                name.append('.');
            }
            int length = 1 + random.nextInt(3);
            for (int i = 0; i < length; i++) {
                name.append("abAB_$\u00e9".charAt(random.nextInt(7)));
            }
        }
        return name.toString();
    }
}
