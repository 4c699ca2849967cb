package dev.graft.it.spring.hello;

import dev.graft.Extension;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plugin's endpoints, served by the host's web server: a {@code @RestController} without an
 * extension point (indexed under {@code org.springframework.web.bind.annotation.RestController}),
 * created by constructor injection of the plugin's own beans.
 */
@Extension
@RestController
public class HelloController {

    private final HelloGreeter greeter;
    private final HelloConfiguration configuration;
    private final Signature signature;
    private final Autograph autograph;

    /**
     * @param greeter the plugin's greeter
     * @param configuration the plugin's configuration bean (its enhanced subclass)
     * @param signature the {@link Signature} bean
     * @param autograph the {@link Autograph} bean
     */
    public HelloController(HelloGreeter greeter, HelloConfiguration configuration, Signature signature,
            Autograph autograph) {
        this.greeter = greeter;
        this.configuration = configuration;
        this.signature = signature;
        this.autograph = autograph;
    }

    /**
     * @param to who is greeted
     * @return {@code to <to>: <the greeter's greeting>}
     */
    @GetMapping("/hello")
    public String hello(@RequestParam("to") String to) {
        return "to " + to + ": " + greeter.greet();
    }

    /**
     * @return whether the configuration bean's class is Spring's CGLIB subclass, whether its
     *     inter-bean call returned the {@link Signature} bean, and the loader that defined the
     *     subclass
     */
    @GetMapping("/hello/configuration")
    public String configuration() {
        Class<?> type = configuration.getClass();
        return "enhanced=" + (type.getSuperclass() == HelloConfiguration.class && type.getName().contains("$$SpringCGLIB$$"))
                + " sameSignature=" + (autograph.signature() == signature)
                + " definedBy=" + type.getClassLoader().getName();
    }
}
