package io.corridor.consensus.herder;

/**
 * The herder's single thread and clock. Every task given here runs on the same thread, one at a time, so
 * the herder and the SCP library it drives need no locks. Production uses {@link ThreadHerderExecutor};
 * tests use a virtual clock.
 */
public interface HerderExecutor {

    /** Milliseconds since the epoch, from the injected clock. */
    long nowMs();

    /** Runs {@code task} on the herder thread as soon as possible. */
    void execute(Runnable task);

    /** Runs {@code task} on the herder thread after {@code delayMs}. */
    Cancellable schedule(long delayMs, Runnable task);

    /** A scheduled task that may still be cancelled. */
    interface Cancellable {
        void cancel();
    }
}
