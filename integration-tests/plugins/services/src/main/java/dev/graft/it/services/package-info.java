/** Scenario 4: libraries that find their parts through ServiceLoader. */
@Plugin(id = "services")
package dev.graft.it.services;

import dev.graft.Plugin;
