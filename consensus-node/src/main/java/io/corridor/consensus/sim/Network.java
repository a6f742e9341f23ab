package io.corridor.consensus.sim;

import java.util.SplittableRandom;

/**
 * The simulated network: point-to-point delivery of byte messages with the faults of the {@link FaultPlan}
 * (loss, duplication, uniform random delay, partitions) until the fault phase ends, and reliable delivery
 * with a short random delay afterwards.
 */
final class Network {
    /** Something that receives messages. */
    interface Peer {
        void receive(int from, byte[] bytes);
    }

    private final EventQueue queue;
    private final FaultPlan plan;
    private final SplittableRandom random;
    private Peer[] peers;
    private long sent;
    private long delivered;

    Network(EventQueue queue, FaultPlan plan, SplittableRandom random) {
        this.queue = queue;
        this.plan = plan;
        this.random = random;
    }

    void attach(Peer[] peers) {
        this.peers = peers.clone();
    }

    int size() {
        return peers.length;
    }

    long sent() {
        return sent;
    }

    long delivered() {
        return delivered;
    }

    void broadcast(int from, byte[] bytes) {
        for (int to = 0; to < peers.length; to++) {
            if (to != from) {
                send(from, to, bytes);
            }
        }
    }

    void send(int from, int to, byte[] bytes) {
        sent++;
        long now = queue.now();
        boolean faulty = now < plan.faultEndMs();
        int copies = 1;
        if (faulty) {
            for (FaultPlan.Partition p : plan.partitions()) {
                if (p.separates(from, to, now)) {
                    return;
                }
            }
            if (random.nextInt(100) < plan.dropPercent()) {
                return;
            }
            if (random.nextInt(100) < plan.duplicatePercent()) {
                copies = 2;
            }
        }
        long delayMax = faulty ? plan.delayMaxFaultMs() : plan.delayMaxCalmMs();
        for (int c = 0; c < copies; c++) {
            queue.after(1 + random.nextLong(delayMax), () -> {
                delivered++;
                peers[to].receive(from, bytes);
            });
        }
    }
}
