package dev.graft.loader.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The records the loader logs (System.Logger "dev.graft.loader", through java.util.logging) while some code runs. */
public final class LoaderLog {

    /** Code that may throw. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @return what the code returns
         * @throws Exception what it throws
         */
        T run() throws Exception;
    }

    private LoaderLog() {
    }

    /**
     * Runs code with every record of the loader's logger collected.
     *
     * @param records where each record goes
     * @param work the code
     * @param <T> what it returns
     * @return what it returns
     * @throws Exception what it throws
     */
    public static <T> T recording(List<LogRecord> records, Work<T> work) throws Exception {
        Logger jul = Logger.getLogger("dev.graft.loader"); // held for the run: java.util.logging holds loggers weakly
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = jul.getLevel();
        jul.setLevel(Level.ALL);
        jul.addHandler(handler);
        try {
            return work.run();
        } finally {
            jul.removeHandler(handler);
            jul.setLevel(before);
        }
    }

    /**
     * Runs code and adds the loader's records at or above a level to a list, each as
     * {@code "LEVEL message"} with its parameters filled in.
     *
     * @param lines where the lines go
     * @param least the lowest level kept
     * @param work the code
     * @param <T> what it returns
     * @return what it returns
     * @throws Exception what it throws
     */
    public static <T> T lines(List<String> lines, Level least, Work<T> work) throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        try {
            return recording(records, work);
        } finally {
            for (LogRecord r : records) {
                if (r.getLevel().intValue() >= least.intValue()) {
                    lines.add(r.getLevel() + " " + new SimpleFormatter().formatMessage(r));
                }
            }
        }
    }
}
