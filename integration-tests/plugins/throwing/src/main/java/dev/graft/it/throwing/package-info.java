/** Scenario 7: one extension's constructor throws. */
@Plugin(id = "throwing")
package dev.graft.it.throwing;

import dev.graft.Plugin;
