package dev.graft.it.kotlin.kapt.api

import dev.graft.ExtensionPoint

/** An extension point of plugin kotlin-kapt, declared in Kotlin. */
@ExtensionPoint
interface Shout {
    fun shout(text: String): String
}
