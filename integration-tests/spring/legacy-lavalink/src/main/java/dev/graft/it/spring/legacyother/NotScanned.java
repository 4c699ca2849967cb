package dev.graft.it.spring.legacyother;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A component outside the descriptor's {@code path}, in a package whose name merely starts with
 * it ({@code ...legacyother}, not {@code ...legacy.*}): Lavalink would not scan it, so neither
 * does the host, and {@code /legacy/outside} is never served.
 */
@RestController
public class NotScanned {

    /** @return never served */
    @GetMapping("/legacy/outside")
    public String outside() {
        return "scanned outside path";
    }
}
