/** Scenario 3: plugin C, with an optional integration with lyrics. */
@Plugin(id = "player")
package dev.graft.it.player;

import dev.graft.Plugin;
