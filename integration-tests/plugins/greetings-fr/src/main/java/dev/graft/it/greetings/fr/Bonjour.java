package dev.graft.it.greetings.fr;

import dev.graft.Extension;
import dev.graft.it.greetings.api.Salutation;

/** Implements the extension point of plugin greetings. */
@Extension
public final class Bonjour implements Salutation {

    @Override
    public String greet(String name) {
        return "Bonjour " + name;
    }
}
