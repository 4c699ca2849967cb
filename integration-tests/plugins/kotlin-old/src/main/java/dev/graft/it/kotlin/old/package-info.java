/** Scenario 1: bundles kotlin-stdlib 1.8. */
@Plugin(id = "kotlin-old")
package dev.graft.it.kotlin.old;

import dev.graft.Plugin;
