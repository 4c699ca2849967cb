package dev.graft.it.bundled;

import dev.graft.Extension;
import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;

/** Implements the host's Probe although the plugin bundles its own copy of the API jar. */
@Extension
public final class BundledApiProbe implements Probe {

    @Override
    public String name() {
        return "bundled-api";
    }

    @Override
    public String report(Host host) {
        return "probe from " + Probe.class.getClassLoader();
    }
}
