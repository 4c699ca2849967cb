package dev.graft.it.kotlin.current;

import dev.graft.Extension;
import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;
import kotlin.KotlinVersion;
import kotlin.uuid.Uuid;

/** Reports the kotlin-stdlib this plugin sees, using a class only 2.x has. */
@Extension
public final class NewKotlinProbe implements Probe {

    @Override
    public String name() {
        return "kotlin-new";
    }

    @Override
    public String report(Host host) {
        String uuid = Uuid.Companion.fromLongs(0L, 42L).toString();
        return KotlinVersion.CURRENT + " uuid=" + uuid + " loader=" + KotlinVersion.class.getClassLoader().getName();
    }
}
