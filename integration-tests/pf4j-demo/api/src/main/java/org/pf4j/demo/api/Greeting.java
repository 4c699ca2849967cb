package org.pf4j.demo.api;

import org.pf4j.ExtensionPoint;

/** pf4j demo's extension point. */
public interface Greeting extends ExtensionPoint {

    /** @return the greeting */
    String getGreeting();
}
