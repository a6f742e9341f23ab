package io.corridor.consensus.herder;

import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link HerderExecutor} on one daemon thread ({@code corridor-herder}) and a {@link Clock}. A task that
 * throws is logged and the thread goes on: one bad message must not stop consensus.
 */
public final class ThreadHerderExecutor implements HerderExecutor, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ThreadHerderExecutor.class.getName());

    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;

    public ThreadHerderExecutor(Clock clock) {
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "corridor-herder");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nowMs() {
        return clock.millis();
    }

    @Override
    public void execute(Runnable task) {
        if (!executor.isShutdown()) {
            executor.execute(guarded(task));
        }
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        if (executor.isShutdown()) {
            return () -> { };
        }
        ScheduledFuture<?> future = executor.schedule(guarded(task), Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    /** Tasks waiting to run: how far behind the herder thread is. */
    public int backlog() {
        return executor.getQueue().size();
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | AssertionError e) {
                LOG.log(Level.SEVERE, "herder task failed; consensus goes on with the next message", e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
