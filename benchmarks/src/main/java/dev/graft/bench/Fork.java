package dev.graft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a main class of this module in a fresh JVM, with the same flags for every measurement. */
final class Fork {

    /** The JVM flags every child gets. */
    static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx2g", "-XX:+UseParallelGC");

    /**
     * The output of a child.
     *
     * @param wallMillis the child's whole life, as the parent saw it
     * @param values the {@code key=value} pairs of its {@code RESULT} line
     */
    record Result(double wallMillis, Map<String, String> values) {
        double number(String key) {
            return Double.parseDouble(values.get(key));
        }
    }

    private Fork() {
    }

    static Result run(String mainClass, List<String> args) throws IOException, InterruptedException {
        return run(List.of(Workspace.apiJar()), List.of(), mainClass, args);
    }

    /**
     * Runs {@code mainClass} on the given class path instead of this module's jar (and its
     * manifest's), with {@code moreFlags} after {@link #JVM_FLAGS}.
     */
    static Result run(List<Path> classpath, List<String> moreFlags, String mainClass, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(moreFlags);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(mainClass);
        command.addAll(args);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e6;
        if (exit != 0) {
            throw new IllegalStateException(mainClass + " " + args + " exited with " + exit + ":\n" + out);
        }
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                Map<String, String> values = new HashMap<>();
                for (String pair : line.substring(7).trim().split(" ")) {
                    int eq = pair.indexOf('=');
                    values.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                return new Result(wall, values);
            }
        }
        throw new IllegalStateException(mainClass + " " + args + " printed no RESULT line:\n" + out);
    }
}
