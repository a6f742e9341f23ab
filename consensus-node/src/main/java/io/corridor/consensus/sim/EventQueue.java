package io.corridor.consensus.sim;

import java.util.PriorityQueue;

/**
 * The virtual clock and the pending events, ordered by (time, sequence number): two events at the same
 * virtual time run in the order they were scheduled, so a run is exactly reproducible.
 */
final class EventQueue {
    private record Event(long at, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long now;
    private long seq;
    private long processed;

    long now() {
        return now;
    }

    long processed() {
        return processed;
    }

    void at(long time, Runnable action) {
        events.add(new Event(Math.max(time, now), seq++, action));
    }

    void after(long delayMs, Runnable action) {
        at(now + delayMs, action);
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    /** Time of the next event, or {@code Long.MAX_VALUE}. */
    long nextTime() {
        return events.isEmpty() ? Long.MAX_VALUE : events.peek().at();
    }

    /** Advances the clock to the next event and runs it. */
    void runNext() {
        Event e = events.poll();
        now = e.at();
        processed++;
        e.action().run();
    }
}
