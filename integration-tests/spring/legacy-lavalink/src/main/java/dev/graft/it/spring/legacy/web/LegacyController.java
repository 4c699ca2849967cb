package dev.graft.it.spring.legacy.web;

import dev.graft.it.spring.api.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A legacy plugin's endpoint, in a subpackage of the descriptor's {@code path}: found by the
 * host's component scan of that path inside the plugin's loader, with no {@code @Extension} and no
 * index, and created by constructor injection of the host's {@link Clock}.
 */
@RestController
public class LegacyController {

    private final Clock clock;

    /** @param clock the host's clock */
    public LegacyController(Clock clock) {
        this.clock = clock;
    }

    /** @return {@code legacy plugin at <the host's time>, loaded by <this class's loader>} */
    @GetMapping("/legacy")
    public String legacy() {
        return "legacy plugin at " + clock.now() + ", loaded by " + getClass().getClassLoader().getName();
    }
}
