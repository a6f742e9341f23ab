package io.corridor.consensus.overlay;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the overlay package's log lines (INFO and above) during a test, instead of printing them. */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("io.corridor.consensus.overlay");
    private final List<String> lines = new CopyOnWriteArrayList<>();

    LogCapture() {
        setLevel(Level.INFO);
        logger.addHandler(this);
        logger.setUseParentHandlers(false);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            lines.add(record.getLevel() + " " + record.getMessage());
        }
    }

    /** Whether some line contains every fragment. */
    boolean has(String... fragments) {
        return lines.stream().anyMatch(line -> {
            for (String fragment : fragments) {
                if (!line.contains(fragment)) {
                    return false;
                }
            }
            return true;
        });
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(true);
    }
}
