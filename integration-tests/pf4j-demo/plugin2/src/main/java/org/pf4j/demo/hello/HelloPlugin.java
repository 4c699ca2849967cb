package org.pf4j.demo.hello;

import org.pf4j.Extension;
import org.pf4j.Plugin;
import org.pf4j.PluginWrapper;
import org.pf4j.demo.api.Greeting;

/** pf4j demo's plugin2, as pf4j 3.x writes it. */
public class HelloPlugin extends Plugin {

    public HelloPlugin(PluginWrapper wrapper) {
        super(wrapper);
    }

    @Override
    public void start() {
        log.info("HelloPlugin.start()");
    }

    @Override
    public void stop() {
        log.info("HelloPlugin.stop()");
    }

    @Extension(ordinal = 1)
    public static class HelloGreeting implements Greeting {

        @Override
        public String getGreeting() {
            return "Hello";
        }
    }
}
