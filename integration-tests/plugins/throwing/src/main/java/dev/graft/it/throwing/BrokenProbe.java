package dev.graft.it.throwing;

import dev.graft.Extension;
import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;

/** Its constructor throws, as an extension with a missing configuration does. */
@Extension
public final class BrokenProbe implements Probe {

    /** Always fails. */
    public BrokenProbe() {
        throw new IllegalStateException("no configuration for broken-probe");
    }

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public String report(Host host) {
        return "unreachable";
    }
}
