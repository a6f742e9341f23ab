package io.corridor.consensus.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The per-peer queue: priorities, bounds, what is dropped first, and the slow-peer clock. */
class OutboundQueueTest {
    private static final int TX = MessageKind.TRANSACTION.code();
    private static final int SCP = MessageKind.SCP_MESSAGE.code();

    private final MutableClock clock = new MutableClock();

    @Test
    void high_priority_messages_are_taken_first_fifo_within_a_priority() throws InterruptedException {
        OutboundQueue queue = new OutboundQueue(10, 1_000, clock);
        queue.offer(TX, new byte[] {1}, false);
        queue.offer(SCP, new byte[] {2}, true);
        queue.offer(TX, new byte[] {3}, false);
        queue.offer(SCP, new byte[] {4}, true);

        assertThat(queue.take(0).payload()).containsExactly(2);
        assertThat(queue.take(0).payload()).containsExactly(4);
        assertThat(queue.take(0).payload()).containsExactly(1);
        assertThat(queue.take(0).payload()).containsExactly(3);
        assertThat(queue.take(0)).isNull();
    }

    @Test
    void when_full_low_priority_offers_are_dropped_and_high_priority_evicts_the_oldest_low() throws Exception {
        OutboundQueue queue = new OutboundQueue(3, 1_000, clock);
        assertThat(queue.offer(TX, new byte[] {1}, false)).isEqualTo(OutboundQueue.Offer.QUEUED);
        assertThat(queue.offer(TX, new byte[] {2}, false)).isEqualTo(OutboundQueue.Offer.QUEUED);
        assertThat(queue.offer(SCP, new byte[] {3}, true)).isEqualTo(OutboundQueue.Offer.QUEUED);

        assertThat(queue.offer(TX, new byte[] {4}, false)).isEqualTo(OutboundQueue.Offer.DROPPED);
        assertThat(queue.offer(SCP, new byte[] {5}, true)).isEqualTo(OutboundQueue.Offer.QUEUED);

        assertThat(queue.dropped()).isEqualTo(2);
        assertThat(queue.take(0).payload()).containsExactly(3);
        assertThat(queue.take(0).payload()).containsExactly(5);
        assertThat(queue.take(0).payload()).containsExactly(2);
        assertThat(queue.take(0)).isNull();
    }

    @Test
    void the_byte_bound_applies_like_the_message_bound() {
        OutboundQueue queue = new OutboundQueue(100, 30, clock);
        assertThat(queue.offer(TX, new byte[9], false)).isEqualTo(OutboundQueue.Offer.QUEUED);
        assertThat(queue.offer(SCP, new byte[9], true)).isEqualTo(OutboundQueue.Offer.QUEUED);
        assertThat(queue.offer(TX, new byte[19], false)).isEqualTo(OutboundQueue.Offer.DROPPED);
        assertThat(queue.offer(SCP, new byte[14], true)).isEqualTo(OutboundQueue.Offer.QUEUED);

        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.bytes()).isEqualTo(25);
    }

    @Test
    void high_priority_overflow_starts_the_stall_clock_and_a_take_resets_it() throws InterruptedException {
        OutboundQueue queue = new OutboundQueue(2, 1_000, clock);
        queue.offer(SCP, new byte[] {1}, true);
        queue.offer(SCP, new byte[] {2}, true);
        assertThat(queue.stalledMs()).isZero();

        assertThat(queue.offer(SCP, new byte[] {3}, true)).isEqualTo(OutboundQueue.Offer.OVERFLOW);
        clock.advance(Duration.ofMillis(700));
        assertThat(queue.offer(SCP, new byte[] {4}, true)).isEqualTo(OutboundQueue.Offer.OVERFLOW);
        assertThat(queue.stalledMs()).isEqualTo(700);

        queue.take(0);
        assertThat(queue.stalledMs()).isZero();
        assertThat(queue.offer(SCP, new byte[] {5}, true)).isEqualTo(OutboundQueue.Offer.QUEUED);
    }

    @Test
    void a_closed_queue_refuses_and_wakes_the_taker() throws InterruptedException {
        OutboundQueue queue = new OutboundQueue(2, 1_000, clock);
        Thread closer = new Thread(() -> {
            sleepQuietly(50);
            queue.close();
        });
        closer.start();

        assertThat(queue.take(5_000)).isNull();
        assertThat(queue.offer(SCP, new byte[] {1}, true)).isEqualTo(OutboundQueue.Offer.CLOSED);
        closer.join();
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
