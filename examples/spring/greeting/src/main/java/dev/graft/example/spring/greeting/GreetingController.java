package dev.graft.example.spring.greeting;

import dev.graft.Extension;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The plugin's endpoint, {@code GET /greeting?name=...}, served by the host's web server. */
@Extension
@RestController
public class GreetingController {

    private final FriendlyGreeter greeter;

    /** @param greeter the plugin's own greeter bean */
    public GreetingController(FriendlyGreeter greeter) {
        this.greeter = greeter;
    }

    /**
     * @param name who to greet
     * @return the greeting
     */
    @GetMapping("/greeting")
    public String greeting(@RequestParam(defaultValue = "world") String name) {
        return greeter.greet(name);
    }
}
