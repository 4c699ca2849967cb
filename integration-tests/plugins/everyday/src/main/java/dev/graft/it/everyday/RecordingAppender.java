package dev.graft.it.everyday;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;

/**
 * The appender the plugin's {@code logback.xml} names: a class of the plugin's own classes, which
 * logback, a library in the plugin's {@code lib/}, must load by name. It records each event as
 * "LEVEL message".
 */
public final class RecordingAppender extends AppenderBase<ILoggingEvent> {

    private static final List<String> EVENTS = new ArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        synchronized (EVENTS) {
            EVENTS.add(event.getLevel() + " " + event.getFormattedMessage());
        }
    }

    /** @return the events recorded so far, oldest first */
    static List<String> events() {
        synchronized (EVENTS) {
            return List.copyOf(EVENTS);
        }
    }
}
