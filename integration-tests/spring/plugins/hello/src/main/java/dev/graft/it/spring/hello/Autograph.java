package dev.graft.it.spring.hello;

/**
 * A bean built by {@link HelloConfiguration#autograph()} from a call to
 * {@link HelloConfiguration#signature()}: it holds the {@link Signature} bean itself only when the
 * configuration class is enhanced, since only the enhanced class routes that call to the bean
 * factory.
 */
public final class Autograph {

    private final Signature signature;

    /** @param signature what {@code signature()} returned */
    public Autograph(Signature signature) {
        this.signature = signature;
    }

    /** @return what {@code signature()} returned when this bean was built */
    public Signature signature() {
        return signature;
    }
}
