package dev.graft.it.pf4j;

import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;
import org.pf4j.Extension;
import org.pf4j.ExtensionPoint;

/** A pf4j extension, indexed by pf4j's own annotation processor into META-INF/extensions.idx. */
@Extension(ordinal = 3)
public final class LegacyProbe implements Probe, ExtensionPoint {

    @Override
    public String name() {
        return "pf4j-legacy";
    }

    @Override
    public String report(Host host) {
        return "pf4j extension from " + getClass().getClassLoader().getName();
    }
}
