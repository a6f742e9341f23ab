package io.corridor.consensus.overlay;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One peer's outbound queue, bounded in messages and in payload bytes, with two priorities. High-priority
 * messages (SCP and request/response kinds) are taken before low-priority ones (transactions), FIFO within
 * a priority. When the queue is full a low-priority offer is dropped; a high-priority offer first evicts
 * the oldest low-priority messages and is rejected ({@link Offer#OVERFLOW}) only when high-priority messages
 * alone fill the queue. {@link #stalledMs()} tells how long offers have been overflowing without the writer
 * taking anything, for the slow-peer rule. Thread-safe.
 */
final class OutboundQueue {

    /** One queued message. */
    record Item(int code, byte[] payload, boolean highPriority) {
        long bytes() {
            return payload.length + 1L;
        }
    }

    /** The outcome of an offer. */
    enum Offer {
        /** Queued (possibly after evicting low-priority messages). */
        QUEUED,
        /** A low-priority message was dropped because the queue is full. */
        DROPPED,
        /** A high-priority message did not fit: the peer is not keeping up. */
        OVERFLOW,
        /** The queue is closed. */
        CLOSED
    }

    private final int messagesMax;
    private final long bytesMax;
    private final Clock clock;
    private final ArrayDeque<Item> high = new ArrayDeque<>();
    private final ArrayDeque<Item> low = new ArrayDeque<>();
    private long bytes;
    private long dropped;
    private long overflowSinceMs = -1;
    private boolean closed;

    OutboundQueue(int messagesMax, long bytesMax, Clock clock) {
        if (messagesMax <= 0 || bytesMax <= 0) {
            throw new IllegalArgumentException("queue bounds must be positive");
        }
        this.messagesMax = messagesMax;
        this.bytesMax = bytesMax;
        this.clock = clock;
    }

    synchronized Offer offer(int code, byte[] payload, boolean highPriority) {
        if (closed) {
            return Offer.CLOSED;
        }
        Item item = new Item(code, payload, highPriority);
        if (item.bytes() > bytesMax) {
            dropped++;
            return highPriority ? Offer.OVERFLOW : Offer.DROPPED;
        }
        if (!highPriority) {
            if (!fits(item)) {
                dropped++;
                return Offer.DROPPED;
            }
        } else {
            while (!fits(item) && !low.isEmpty()) {
                bytes -= low.removeFirst().bytes();
                dropped++;
            }
            if (!fits(item)) {
                dropped++;
                if (overflowSinceMs < 0) {
                    overflowSinceMs = clock.millis();
                }
                return Offer.OVERFLOW;
            }
        }
        (highPriority ? high : low).addLast(item);
        bytes += item.bytes();
        notifyAll();
        return Offer.QUEUED;
    }

    /** The next message, waiting up to {@code timeoutMs}; null on timeout or when closed and empty. */
    synchronized Item take(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (high.isEmpty() && low.isEmpty() && !closed) {
            long remainingNs = deadline - System.nanoTime();
            if (remainingNs <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remainingNs);
        }
        Item item = !high.isEmpty() ? high.removeFirst() : low.pollFirst();
        if (item != null) {
            bytes -= item.bytes();
            overflowSinceMs = -1;
        }
        return item;
    }

    /** How long high-priority offers have been overflowing with nothing taken; 0 if they are not. */
    synchronized long stalledMs() {
        return overflowSinceMs < 0 ? 0 : Math.max(0, clock.millis() - overflowSinceMs);
    }

    /** Whether high-priority offers are currently overflowing. */
    synchronized boolean overflowing() {
        return overflowSinceMs >= 0;
    }

    /** Refuses further offers and wakes the taker; what is queued is discarded. */
    synchronized void close() {
        closed = true;
        high.clear();
        low.clear();
        bytes = 0;
        notifyAll();
    }

    synchronized int size() {
        return high.size() + low.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized long dropped() {
        return dropped;
    }

    private boolean fits(Item item) {
        return high.size() + low.size() < messagesMax && bytes + item.bytes() <= bytesMax;
    }
}
