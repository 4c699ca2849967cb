package dev.graft.it.player;

import dev.graft.Extension;
import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;
import dev.graft.it.lyrics.Lyrics;

/** Uses plugin lyrics: active only when it is installed; otherwise never loaded. */
@Extension(dependency = "lyrics@>=0.1.0-0 <1.0.0", ordinal = 1)
public final class LyricsIntegration implements Probe {

    @Override
    public String name() {
        return "player+lyrics";
    }

    @Override
    public String report(Host host) {
        return Lyrics.of("song");
    }
}
