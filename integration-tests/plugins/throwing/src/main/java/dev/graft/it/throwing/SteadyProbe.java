package dev.graft.it.throwing;

import dev.graft.Extension;
import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;

/** Works beside its broken sibling. */
@Extension(ordinal = 1)
public final class SteadyProbe implements Probe {

    @Override
    public String name() {
        return "steady";
    }

    @Override
    public String report(Host host) {
        return "steady";
    }
}
