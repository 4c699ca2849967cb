package com.example.bad

import dev.graft.Extension
import dev.graft.ExtensionPoint

@ExtensionPoint
interface Greeter {
    fun greet(name: String): String
}

/** The mistake: a Maven range where Graft takes npm ranges. */
@Extension(dependency = ["other@[1.0,2.0)"])
class Hello : Greeter {
    override fun greet(name: String): String = "Hello $name"
}
