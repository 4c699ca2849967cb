/** Scenario 2: depends on greetings and implements its point. */
@Plugin(id = "greetings-fr", dependencies = "greetings@>=0.1.0-0 <1.0.0")
package dev.graft.it.greetings.fr;

import dev.graft.Plugin;
