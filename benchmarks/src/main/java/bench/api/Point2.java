package bench.api;

/** Extension point 2 of the synthetic plugins; extends pf4j's marker so that one API serves every peer. */
public interface Point2 extends org.pf4j.ExtensionPoint {

    /** @return the extension's number, unique across all plugins */
    int id();
}
