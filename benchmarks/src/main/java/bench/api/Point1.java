package bench.api;

/** Extension point 1 of the synthetic plugins; extends pf4j's marker so that one API serves every peer. */
public interface Point1 extends org.pf4j.ExtensionPoint {

    /** @return the extension's number, unique across all plugins */
    int id();
}
