/** Scenario 7: one half of a dependency cycle. */
@Plugin(id = "cycle-a", dependencies = "cycle-b")
package dev.graft.it.cycle.a;

import dev.graft.Plugin;
