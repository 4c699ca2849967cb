/** Scenario 2: an API plugin with an extension point of its own. */
@Plugin(id = "greetings", exports = "dev.graft.it.greetings.api")
package dev.graft.it.greetings;

import dev.graft.Plugin;
