package dev.graft.it.player;

import dev.graft.Extension;
import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;

/** Works whether or not lyrics is installed. */
@Extension
public final class PlayerProbe implements Probe {

    @Override
    public String name() {
        return "player";
    }

    @Override
    public String report(Host host) {
        return "playing";
    }
}
