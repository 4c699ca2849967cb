package dev.graft.it.everyday;

import dev.graft.Extension;
import dev.graft.it.host.Workload;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Uses each library in its constructor, where the runtime has set the thread context loader to the
 * plugin's, and again whenever the host calls {@link #run(String)}, on the host's thread with
 * whatever context loader that thread has. Each library's result, or the error it threw, is kept
 * apart from the others', so one failing library does not hide what the others did.
 *
 * <p>The constructor is the JVM's first user of {@link java.sql.DriverManager} in the runs that
 * create this extension: DriverManager loads the drivers the context loader lists once per JVM, so
 * this registers the plugin's H2 driver (see {@link Libraries#h2()}).
 */
@Extension
public final class EverydayWorkload implements Workload {

    private final Map<String, String> atConstruction;

    /** Uses every library once, with the context loader the runtime set. */
    public EverydayWorkload() {
        Map<String, String> results = new LinkedHashMap<>();
        for (String library : Libraries.NAMES) {
            results.put(library, run(library, "constructor"));
        }
        atConstruction = Collections.unmodifiableMap(results);
    }

    @Override
    public Map<String, String> atConstruction() {
        return atConstruction;
    }

    @Override
    public String run(String library) {
        return run(library, "run");
    }

    private static String run(String library, String caller) {
        return Libraries.use(library, caller);
    }
}
