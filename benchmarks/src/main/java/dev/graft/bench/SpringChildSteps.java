package dev.graft.bench;

import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a {@link SpringChild} start-up goes, with {@code -Dbench.steps=true}: Spring's own start-up
 * steps ({@link BufferingApplicationStartup}), summed into {@code parse} (the configuration
 * classes: the flat host's component scan, Graft's registrar, which loads the plugin folder),
 * {@code pluginBeans} (instantiating the plugins' beans: their constructors, and the classes those
 * load) and {@code pluginManager} (pf4j-spring's bean, which loads the plugins and creates their
 * beans itself), in milliseconds. Off in the timed runs: the buffer adds work to every step.
 */
final class SpringChildSteps {

    /** The names of plugin beans: Graft's {@code p000/bench.plugin...}, the flat host's {@code p000Greeter}. */
    private static final Pattern PLUGIN_BEAN = Pattern.compile("[pP]\\d{3}.*");

    private SpringChildSteps() {
    }

    /** @return the buffer now recording the application's steps, or {@code null} when the breakdown is off */
    static BufferingApplicationStartup install(SpringApplication application) {
        if (!Boolean.getBoolean("bench.steps")) {
            return null;
        }
        BufferingApplicationStartup startup = new BufferingApplicationStartup(1 << 16);
        application.setApplicationStartup(startup);
        return startup;
    }

    /** @return {@code " parse=... pluginBeans=... pluginManager=..."}, or "" when the breakdown is off */
    static String summary(BufferingApplicationStartup startup) {
        if (startup == null) {
            return "";
        }
        double parse = 0;
        double pluginBeans = 0;
        double pluginManager = 0;
        for (StartupTimeline.TimelineEvent event : startup.getBufferedTimeline().getEvents()) {
            double ms = event.getDuration().toNanos() / 1e6;
            StartupStep step = event.getStartupStep();
            if (step.getName().equals("spring.context.config-classes.parse")) {
                parse += ms;
            } else if (step.getName().equals("spring.beans.instantiate")) {
                String bean = "";
                for (StartupStep.Tag tag : step.getTags()) {
                    bean = tag.getKey().equals("beanName") ? tag.getValue() : bean;
                }
                if (PLUGIN_BEAN.matcher(bean).matches()) {
                    pluginBeans += ms;
                } else if (bean.equals("pluginManager")) {
                    pluginManager += ms;
                }
            }
        }
        return String.format(" parse=%.0f pluginBeans=%.0f pluginManager=%.0f", parse, pluginBeans, pluginManager);
    }
}
