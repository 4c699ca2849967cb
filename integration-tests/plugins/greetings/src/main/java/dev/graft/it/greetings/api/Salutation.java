package dev.graft.it.greetings.api;

import dev.graft.ExtensionPoint;

/** An extension point of plugin greetings, implemented by other plugins. */
@ExtensionPoint
public interface Salutation {

    /**
     * @param name who is greeted
     * @return the greeting
     */
    String greet(String name);
}
