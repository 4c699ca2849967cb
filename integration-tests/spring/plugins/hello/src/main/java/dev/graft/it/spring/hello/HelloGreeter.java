package dev.graft.it.spring.hello;

import dev.graft.Extension;
import dev.graft.it.spring.api.Clock;
import dev.graft.it.spring.api.Greeter;
import dev.graft.it.spring.api.Journal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The plugin's {@link Greeter}, a {@code @Service} created by constructor injection only: the
 * host's {@link Clock} and {@link Journal}, the plugin's {@link HelloProperties} and
 * {@link Signature} beans, and {@code @Value("${hello.punctuation}")} from the host's
 * environment. Its greeting holds each of them, so one exact string checks them all. It records
 * its construction (with the thread's context loader, which graft-spring sets to the plugin's
 * loader while Spring instantiates a plugin bean), its {@code @PostConstruct} and its
 * {@code @PreDestroy} in the host's journal.
 */
@Extension
@Service
public class HelloGreeter implements Greeter {

    private final Clock clock;
    private final HelloProperties properties;
    private final Signature signature;
    private final Journal journal;
    private final String punctuation;

    /**
     * @param clock the host's clock
     * @param properties the plugin's configuration properties
     * @param signature a bean of the plugin's configuration
     * @param journal the host's journal
     * @param punctuation {@code hello.punctuation} from the host's environment
     */
    public HelloGreeter(Clock clock, HelloProperties properties, Signature signature, Journal journal,
            @Value("${hello.punctuation}") String punctuation) {
        this.clock = clock;
        this.properties = properties;
        this.signature = signature;
        this.journal = journal;
        this.punctuation = punctuation;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        journal.record("hello: greeter constructed, context loader " + (context == null ? null : context.getName()));
    }

    /** Records that Spring initialised it, after the constructor. */
    @PostConstruct
    public void initialised() {
        journal.record("hello: greeter initialised");
    }

    /** Records that Spring destroyed it: at the plugin's unload, or when the context closes. */
    @PreDestroy
    public void destroyed() {
        journal.record("hello: greeter destroyed");
    }

    @Override
    public String greet() {
        return properties.getSalutation() + " from " + signature.text() + " at " + clock.now() + punctuation;
    }
}
