/** Scenario 3: plugin D, whose API player uses when installed. */
@Plugin(id = "lyrics")
package dev.graft.it.lyrics;

import dev.graft.Plugin;
