package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.format.Dependency;
import dev.graft.format.PluginManifest;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import dev.graft.loader.classloading.Linker;
import dev.graft.loader.resolve.DependencyResolver;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Resolution and export matching grow in proportion to their input (issue 12, item 7). Each test
 * counts the bytes the current thread allocates for an input of size n and of 4n: linear work
 * allocates about 4 times as much, quadratic work 16 times; the tests accept less than 6 times.
 */
class ResolverGrowthTest {

    private static final Version V1 = Version.parse("1.0.0");

    private static DependencyResolver.Candidate candidate(String id, String... dependencies) {
        List<Dependency> deps = new ArrayList<>();
        for (String d : dependencies) {
            deps.add(Dependency.parse(d));
        }
        return new DependencyResolver.Candidate(new PluginManifest(id, V1, VersionRange.ANY, deps, List.of()),
                id + ".zip");
    }

    /** p0 -> p1 -> ... -> p(n-1) -> pn, where pn is {@code last}'s dependency, or none if null. */
    private static List<DependencyResolver.Candidate> chain(int n, String last) {
        List<DependencyResolver.Candidate> chain = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            chain.add(i < n - 1 ? candidate("p" + i, "p" + (i + 1)) : last == null ? candidate("p" + i)
                    : candidate("p" + i, last));
        }
        return chain;
    }

    /** p0 -> p1 -> ... -> p(n-1) -> p0. */
    private static List<DependencyResolver.Candidate> cycle(int n) {
        List<DependencyResolver.Candidate> cycle = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cycle.add(candidate("p" + i, "p" + ((i + 1) % n)));
        }
        return cycle;
    }

    private static DependencyResolver.Resolution resolve(List<DependencyResolver.Candidate> candidates) {
        return DependencyResolver.resolve(candidates, Map.of(), List.of(), V1, 17, Map.of());
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    /** Allocation for 4n divided by allocation for n, each input built before counting. */
    private static double growth(int n, IntFunction<Runnable> workOfSize) {
        workOfSize.apply(n).run(); // warm up, so that both counts see compiled code
        Runnable small = workOfSize.apply(n);
        Runnable large = workOfSize.apply(4 * n);
        long smallBytes = allocatedBy(small);
        long largeBytes = allocatedBy(large);
        return (double) largeBytes / smallBytes;
    }

    private static Runnable resolving(List<DependencyResolver.Candidate> candidates) {
        return () -> resolve(candidates);
    }

    private static long reasonChars(DependencyResolver.Resolution r) {
        long total = 0;
        for (DependencyResolver.Verdict v : r.rejected().values()) {
            total += v.reason().length();
        }
        return total;
    }

    @Test
    void aLongChainToAMissingPluginGivesShortReasonsNamingTheDirectAndTheRootCause() {
        DependencyResolver.Resolution r = resolve(chain(5000, "ghost"));
        assertEquals(List.of(), r.order());
        assertEquals(5000, r.rejected().size());
        String root = "plugin 'p4999' (p4999.zip) requires ghost, which is not installed";
        assertEquals(new DependencyResolver.Verdict(true, root), r.rejected().get("p4999"));
        assertEquals(new DependencyResolver.Verdict(false, "plugin 'p4998' requires 'p4999', which does not load: "
                + root), r.rejected().get("p4998"), "the root cause itself is the direct cause");
        assertEquals(new DependencyResolver.Verdict(false, "plugin 'p0' requires 'p1', which does not load"
                + " (root cause: " + root + ")"), r.rejected().get("p0"));
        long chars = reasonChars(r);
        assertTrue(chars < 1_000_000, chars + " characters of reasons");
    }

    @Test
    void rejectingAlongAChainGrowsLinearly() {
        double growth = growth(1250, n -> resolving(chain(n, "ghost")));
        assertTrue(growth < 6, "4x the plugins allocate " + growth + "x the bytes");
    }

    @Test
    void resolvingAChainThatLoadsGrowsLinearly() {
        List<DependencyResolver.Candidate> chain = chain(5000, null);
        List<String> order = resolve(chain).order();
        assertEquals(5000, order.size());
        assertEquals("p4999", order.get(0));
        assertEquals("p0", order.get(4999));
        double growth = growth(1250, n -> resolving(chain(n, null)));
        assertTrue(growth < 6, "4x the plugins allocate " + growth + "x the bytes");
    }

    @Test
    void aLongCycleIsFoundInLinearWorkAndNamedInAShortReason() {
        DependencyResolver.Resolution r = resolve(cycle(5000));
        assertEquals(List.of(), r.order());
        String reason = r.rejected().get("p0").reason();
        assertEquals("plugin 'p0' (p0.zip) is in a dependency cycle: p0 -> p1 -> p2 -> p3 -> p4 -> p5 -> p6 -> p7"
                + " -> ... (4990 more) ... -> p4998 -> p4999 -> p0", reason);
        assertTrue(reasonChars(r) < 1_000_000, reasonChars(r) + " characters of reasons");
        double growth = growth(1250, n -> resolving(cycle(n)));
        assertTrue(growth < 6, "4x the plugins allocate " + growth + "x the bytes");
    }

    @Test
    void manyPluginsDependingOnOneCycleGrowLinearly() {
        // a ring of n and n more plugins that each need one member of it: every start of the old
        // breadth-first search walked the whole ring
        IntFunction<List<DependencyResolver.Candidate>> input = n -> {
            List<DependencyResolver.Candidate> all = new ArrayList<>(cycle(n));
            for (int i = 0; i < n; i++) {
                all.add(candidate("q" + i, "p" + i));
            }
            return all;
        };
        DependencyResolver.Resolution r = resolve(input.apply(100));
        assertEquals(200, r.rejected().size());
        assertEquals(new DependencyResolver.Verdict(false, "plugin 'q7' requires 'p7', which does not load: "
                + r.rejected().get("p7").reason()), r.rejected().get("q7"));
        double growth = growth(1250, n -> resolving(input.apply(n)));
        assertTrue(growth < 6, "4x the plugins allocate " + growth + "x the bytes");
    }

    @Test
    void aCycleMemberOffTheShortestCycleNamesTheCycleItIsPartOf() {
        // a <-> b and a <-> c: one strongly connected component; the cycle from its smallest id is a -> b -> a
        DependencyResolver.Resolution r = resolve(List.of(candidate("a", "b", "c"), candidate("b", "a"),
                candidate("c", "a"), candidate("d", "c")));
        assertEquals("plugin 'a' (a.zip) is in a dependency cycle: a -> b -> a", r.rejected().get("a").reason());
        assertEquals("plugin 'b' (b.zip) is in a dependency cycle: a -> b -> a", r.rejected().get("b").reason());
        assertEquals("plugin 'c' (c.zip) is in a dependency cycle: it depends on a -> b -> a, which depends on it",
                r.rejected().get("c").reason());
        assertEquals(new DependencyResolver.Verdict(false, "plugin 'd' requires 'c', which does not load: "
                + r.rejected().get("c").reason()), r.rejected().get("d"));
    }

    @Test
    void tenThousandExportLinesAreMatchedInLinearWork() {
        IntFunction<Runnable> exporting = n -> {
            Set<String> own = new HashSet<>();
            List<String> exports = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                own.add("com.example.p" + i);
                exports.add(i % 2 == 0 ? "com.example.p" + i : "com.example.p" + i + ".*");
            }
            PluginManifest m = new PluginManifest("wide", V1, VersionRange.ANY, List.of(), exports);
            return () -> assertEquals(n, Linker.exports(m, own, Set.of()).size());
        };
        exporting.apply(10_000).run();
        double growth = growth(2500, exporting);
        assertTrue(growth < 6, "4x the export lines allocate " + growth + "x the bytes");
    }
}
