package dev.graft.it.host;

/**
 * The test host's extension point: each scenario plugin reports, as text, what it observes from
 * inside its own class loaders.
 */
public interface Probe {

    /** @return which probe this is */
    String name();

    /**
     * @param host the host, through which plugin code finds extensions
     * @return what the probe observed
     */
    String report(Host host);
}
