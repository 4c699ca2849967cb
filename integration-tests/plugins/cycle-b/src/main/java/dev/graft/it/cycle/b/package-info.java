/** Scenario 7: the other half of a dependency cycle. */
@Plugin(id = "cycle-b", dependencies = "cycle-a")
package dev.graft.it.cycle.b;

import dev.graft.Plugin;
