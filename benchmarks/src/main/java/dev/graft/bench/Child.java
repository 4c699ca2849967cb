package dev.graft.bench;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;

/**
 * One measurement, in a fresh JVM: {@code Child <peer> <workspace> <n> <m> <k>}. Prints one line,
 * {@code RESULT peer=... ms=... classes=... heap=... count=...}, and exits with 1 if the peer did
 * not find what it should.
 */
public final class Child {

    private Child() {
    }

    /**
     * @param args peer, workspace root, n, m, k
     * @throws Exception if the peer fails
     */
    public static void main(String[] args) throws Exception {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Peer peer = Peer.valueOf(args[0]);
        Workspace ws = new Workspace(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4]));
        Path folder = ws.folder(peer.format());
        long heapBefore = usedHeap(memory);
        long classesBefore = classes.getTotalLoadedClassCount();
        long start = System.nanoTime();

        Peer.Outcome outcome = peer.run(folder);

        long elapsed = System.nanoTime() - start;
        long loaded = classes.getTotalLoadedClassCount() - classesBefore;
        long heap = usedHeap(memory) - heapBefore;
        Reference.reachabilityFence(outcome);
        int expected = peer.expected(ws);
        System.out.printf("RESULT peer=%s n=%d ms=%.1f classes=%d heap=%d count=%d checksum=%d%n", peer, ws.n(),
                elapsed / 1e6, loaded, heap, outcome.count(), outcome.checksum());
        if (outcome.count() != expected) {
            System.err.println(peer + " found " + outcome.count() + ", expected " + expected);
            System.exit(1);
        }
        System.exit(0);
    }

    private static long usedHeap(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(10);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
