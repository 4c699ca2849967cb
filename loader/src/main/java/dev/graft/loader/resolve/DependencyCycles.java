package dev.graft.loader.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the dependency cycles among plugins in time linear in plugins plus edges: the strongly
 * connected components of the dependency graph (Tarjan's algorithm, with an explicit stack, so a
 * long chain needs no deep recursion), and for each one a cycle through its smallest id.
 */
final class DependencyCycles {

    /** A path longer than this many ids is shown with its middle left out. */
    private static final int SHOWN = 16;

    /**
     * Plugins that all depend on each other, directly or not.
     *
     * @param path the shortest path from the smallest id back to it, taking edges in id order
     * @param members every plugin of the component, in id order; some may lie off {@code path}
     */
    record Cycle(List<String> path, List<String> members) {

        /**
         * The path for a message: {@code a -> b -> c -> a}, or for a long path its first eight ids,
         * how many are left out, and its last three.
         *
         * @return the path as text, at most a few hundred characters for ids of normal length
         */
        String describe() {
            if (path.size() <= SHOWN) {
                return String.join(" -> ", path);
            }
            return String.join(" -> ", path.subList(0, 8)) + " -> ... (" + (path.size() - 11) + " more) ... -> "
                    + String.join(" -> ", path.subList(path.size() - 3, path.size()));
        }
    }

    private DependencyCycles() {
    }

    /**
     * The cycles of a dependency graph.
     *
     * @param edges each plugin id, in id order, to the ids it depends on, in id order; every target
     *     is a key
     * @return the components of two or more plugins, ordered by their smallest id
     */
    static List<Cycle> find(Map<String, List<String>> edges) {
        String[] ids = edges.keySet().toArray(new String[0]);
        Map<String, Integer> number = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            number.put(ids[i], i);
        }
        int[][] targets = new int[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            List<String> out = edges.get(ids[i]);
            targets[i] = new int[out.size()];
            for (int j = 0; j < out.size(); j++) {
                targets[i][j] = number.get(out.get(j));
            }
        }
        List<Cycle> cycles = new ArrayList<>();
        for (int[] component : components(targets)) {
            cycles.add(cycle(component, ids, targets));
        }
        cycles.sort((a, b) -> a.members().get(0).compareTo(b.members().get(0)));
        return cycles;
    }

    /** Tarjan's algorithm: the components of more than one node, each as its node numbers. */
    private static List<int[]> components(int[][] targets) {
        int n = targets.length;
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int stackSize = 0;
        int[] frames = new int[n]; // the nodes of the depth-first path
        int[] nextEdge = new int[n]; // per node, the next of its edges to follow
        int counter = 0;
        List<int[]> components = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            if (index[start] >= 0 || targets[start].length == 0) {
                continue; // a node without edges is its own component, and no cycle
            }
            int depth = 0;
            frames[depth++] = start;
            index[start] = low[start] = counter++;
            stack[stackSize++] = start;
            onStack[start] = true;
            while (depth > 0) {
                int v = frames[depth - 1];
                if (nextEdge[v] < targets[v].length) {
                    int w = targets[v][nextEdge[v]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        frames[depth++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                depth--;
                if (depth > 0) {
                    int parent = frames[depth - 1];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    int size = 0;
                    while (stack[stackSize - 1 - size] != v) {
                        size++;
                    }
                    size++;
                    int[] component = Arrays.copyOfRange(stack, stackSize - size, stackSize);
                    stackSize -= size;
                    for (int member : component) {
                        onStack[member] = false;
                    }
                    if (size > 1) {
                        components.add(component);
                    }
                }
            }
        }
        return components;
    }

    /** The component's shortest cycle through its smallest id: a breadth-first search inside it. */
    private static Cycle cycle(int[] component, String[] ids, int[][] targets) {
        Map<Integer, Integer> parent = new HashMap<>(component.length * 2); // member to its BFS parent, -1 unseen
        List<String> members = new ArrayList<>(component.length);
        int smallest = component[0];
        for (int member : component) {
            parent.put(member, -1);
            members.add(ids[member]);
            if (ids[member].compareTo(ids[smallest]) < 0) {
                smallest = member;
            }
        }
        Collections.sort(members);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(smallest);
        parent.put(smallest, smallest);
        while (true) { // the component is strongly connected: the search comes back to smallest
            int node = queue.poll();
            for (int next : targets[node]) {
                if (next == smallest) {
                    List<String> path = new ArrayList<>();
                    path.add(ids[smallest]);
                    for (int n = node; n != smallest; n = parent.get(n)) {
                        path.add(ids[n]);
                    }
                    path.add(ids[smallest]);
                    Collections.reverse(path);
                    return new Cycle(path, members);
                }
                Integer seen = parent.get(next);
                if (seen != null && seen == -1) {
                    parent.put(next, node);
                    queue.add(next);
                }
            }
        }
    }
}
