/** Scenario 5: bundles a copy of the host API jar. */
@Plugin(id = "bundled-api")
package dev.graft.it.bundled;

import dev.graft.Plugin;
