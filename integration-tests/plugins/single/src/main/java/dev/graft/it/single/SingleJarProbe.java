package dev.graft.it.single;

import dev.graft.Extension;
import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;

/** An extension of a plugin loaded from its plain jar. */
@Extension
public final class SingleJarProbe implements Probe {

    @Override
    public String name() {
        return "single";
    }

    @Override
    public String report(Host host) {
        return "from " + getClass().getClassLoader().getName();
    }
}
