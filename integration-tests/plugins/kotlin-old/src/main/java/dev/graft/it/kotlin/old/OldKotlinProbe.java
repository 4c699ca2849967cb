package dev.graft.it.kotlin.old;

import dev.graft.Extension;
import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;
import kotlin.KotlinVersion;

/** Reports the kotlin-stdlib this plugin sees, and whether a 2.x-only class is visible to it. */
@Extension
public final class OldKotlinProbe implements Probe {

    @Override
    public String name() {
        return "kotlin-old";
    }

    @Override
    public String report(Host host) {
        boolean uuid;
        try {
            Class.forName("kotlin.uuid.Uuid", false, getClass().getClassLoader());
            uuid = true;
        } catch (ClassNotFoundException e) {
            uuid = false;
        }
        return KotlinVersion.CURRENT + " uuid=" + uuid + " loader=" + KotlinVersion.class.getClassLoader().getName();
    }
}
