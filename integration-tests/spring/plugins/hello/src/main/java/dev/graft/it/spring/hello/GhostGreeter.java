package dev.graft.it.spring.hello;

import dev.graft.Extension;
import dev.graft.it.spring.api.Greeter;
import org.springframework.stereotype.Service;

/**
 * A {@link Greeter} that needs plugin {@code ghost}, which no host installs: Graft skips it, so it
 * is no bean, its greeting is never served, and its class is never loaded (the host asks the
 * plugin's loader).
 */
@Extension(dependency = "ghost@^1.0.0")
@Service
public class GhostGreeter implements Greeter {

    @Override
    public String greet() {
        return "boo from the ghost plugin";
    }
}
