package dev.graft.spring.testhost.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What plugin beans record of their life cycle, for the tests to read. */
public final class Events {

    /** The events, in order. */
    public static final List<String> LOG = new CopyOnWriteArrayList<>();

    private Events() {
    }
}
