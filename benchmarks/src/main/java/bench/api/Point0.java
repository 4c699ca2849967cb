package bench.api;

/** Extension point 0 of the synthetic plugins; extends pf4j's marker so that one API serves every peer. */
public interface Point0 extends org.pf4j.ExtensionPoint {

    /** @return the extension's number, unique across all plugins */
    int id();
}
