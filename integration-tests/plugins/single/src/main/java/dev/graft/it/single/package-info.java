/** Scenario 8: loaded as a single jar. */
@Plugin(id = "single")
package dev.graft.it.single;

import dev.graft.Plugin;
