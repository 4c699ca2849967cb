package dev.graft.it.spring.hello;

/** Who signs the plugin's greetings: a bean of {@link HelloConfiguration}'s {@code @Bean} methods. */
public final class Signature {

    private final String text;

    /** @param text the signature */
    public Signature(String text) {
        this.text = text;
    }

    /** @return the signature */
    public String text() {
        return text;
    }
}
