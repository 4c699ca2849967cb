/** Scenario 7: requires a plugin that is not installed. */
@Plugin(id = "needs-ghost", dependencies = "ghost@^1.0.0")
package dev.graft.it.ghost;

import dev.graft.Plugin;
