package dev.graft.it.kotlin.kapt

import dev.graft.Extension
import dev.graft.it.greetings.api.Salutation
import dev.graft.it.host.Host
import dev.graft.it.host.Probe
import dev.graft.it.kotlin.kapt.api.Shout

/** Implements the plugin's own point. */
@Extension(ordinal = 20)
class Upper : Shout {
    override fun shout(text: String): String = text.uppercase()
}

/** Implements the plugin's own point too, before [Upper]; `internal`, which is public in bytecode. */
@Extension(ordinal = 10)
internal class Exclaim : Shout {
    override fun shout(text: String): String = "$text!"
}

/** Implements the host's point: reports what the plugin's own point collects, through Kotlin code. */
@Extension
class KaptProbe : Probe {
    override fun name(): String = "kotlin-kapt"

    override fun report(host: Host): String =
        host.extensions(Shout::class.java).fold("graft") { text, shout -> shout.shout(text) } +
            " kotlin=" + KotlinVersion.CURRENT
}

/** Implements plugin greetings' point: active only when greetings is installed. */
@Extension(dependency = ["greetings@>=0.1.0-0 <1.0.0"])
class Moin : Salutation {
    override fun greet(name: String): String = "Moin $name"
}
