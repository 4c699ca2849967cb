package dev.graft.it.host;

import java.util.Map;

/**
 * The test host's extension point for plugin code that uses everyday libraries (issue 14): the
 * host calls it on threads of its own, long after the runtime created the extension, as real hosts
 * do. An interface, so that a runtime can hand out proxies of it.
 */
public interface Workload {

    /**
     * What each library did while the runtime created this extension (the thread context loader
     * is then the plugin's).
     *
     * @return library name to its result, in a fixed order
     */
    Map<String, String> atConstruction();

    /**
     * Uses one library now, on the calling thread, with whatever context loader that thread has.
     *
     * @param library one of the names {@link #atConstruction()} lists
     * @return what the library did, or the error it threw, as one line
     */
    String run(String library);
}
