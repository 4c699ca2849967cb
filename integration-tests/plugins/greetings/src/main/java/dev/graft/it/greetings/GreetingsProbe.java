package dev.graft.it.greetings;

import dev.graft.Extension;
import dev.graft.it.greetings.api.Salutation;
import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;
import java.util.ArrayList;
import java.util.List;

/**
 * The API plugin's own code receiving the extensions other plugins contribute to its point, and
 * checking that they implement the very Salutation class it defines.
 */
@Extension
public final class GreetingsProbe implements Probe {

    @Override
    public String name() {
        return "greetings";
    }

    @Override
    public String report(Host host) {
        List<String> parts = new ArrayList<>();
        for (Salutation s : host.extensions(Salutation.class)) {
            boolean sameClass = List.of(s.getClass().getInterfaces()).contains(Salutation.class);
            parts.add(s.greet("Graft") + " sameClass=" + sameClass + " from=" + s.getClass().getClassLoader().getName());
        }
        return String.join("; ", parts);
    }
}
