/** Scenario 1: bundles kotlin-stdlib 2.x. */
@Plugin(id = "kotlin-new")
package dev.graft.it.kotlin.current;

import dev.graft.Plugin;
