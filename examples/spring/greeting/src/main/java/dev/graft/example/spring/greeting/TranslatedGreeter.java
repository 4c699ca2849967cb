package dev.graft.example.spring.greeting;

import dev.graft.Extension;
import dev.graft.example.spring.api.Greeter;
import org.springframework.stereotype.Service;

/**
 * A greeter in the user's language, active only with plugin {@code translate}. The example ships
 * no such plugin, so the host lists it as skipped, registers no bean, and never loads this class.
 */
@Extension(dependency = "translate@^1.0.0")
@Service
public class TranslatedGreeter implements Greeter {

    @Override
    public String greet(String name) {
        return "Bonjour, " + name;
    }
}
