package dev.graft.spring.testhost.api;

/** A host bean that plugin beans receive by constructor injection. */
public final class HostClock {

    /** @return what the host says the time is */
    public String now() {
        return "noon";
    }
}
