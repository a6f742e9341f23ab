package io.corridor.consensus.sim;

import java.util.SplittableRandom;
import java.util.TreeMap;

import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.Value;

/**
 * A Byzantine node: a real signed identity whose core runs SCP honestly (so that it takes part and its lies
 * are plausible) but whose outgoing messages are rewritten per peer. For each peer and slot it picks a camp;
 * each statement goes to a peer unchanged, rewritten with the camp's values (equivocation: different peers
 * see different signed statements for the same slot), or not at all. On top of that it sends, at random
 * times and for the whole run, forged statements, insane statements, statements with insane or unknown
 * quorum sets, badly signed or impersonating envelopes, envelopes for absurd slots, and random or corrupted
 * bytes. Its own proposals are values of its own.
 */
final class ByzantineNode implements ScpHost.Outbox, Network.Peer {
    private final World world;
    private final int index;
    private final SplittableRandom random;
    private final FaultPlan.ByzantineProfile profile;
    private final ScpHost core;
    private final StatementForger forger;
    private final TreeMap<Long, int[]> camps = new TreeMap<>();
    private byte[] lastHonestBytes;

    ByzantineNode(World world, int index, SplittableRandom random, FaultPlan.ByzantineProfile profile) {
        this.world = world;
        this.index = index;
        this.random = random;
        this.profile = profile;
        this.core = new ScpHost(world, index, world.topology().scpQuorumSet(index),
                slot -> SimValues.byzantine(slot, index, 0), this);
        this.forger = new StatementForger(world, world.keys().get(index), random, core.quorumSetHash());
    }

    void start() {
        core.start();
        scheduleAttack();
    }

    @Override
    public void receive(int from, byte[] bytes) {
        core.receive(bytes);
    }

    @Override
    public void emitted(ScpHost host, SCPEnvelope envelope) {
        spread(envelope);
    }

    @Override
    public void resent(ScpHost host, SCPEnvelope envelope) {
        spread(envelope);
    }

    @Override
    public void externalized(ScpHost host, long slot, Value value) {
        // what a Byzantine node externalizes does not matter
    }

    private void spread(SCPEnvelope envelope) {
        byte[] honest = EnvelopeWire.encode(envelope);
        lastHonestBytes = honest;
        long slot = envelope.getStatement().getSlotIndex().getUint64().getNumber().longValue();
        for (int to = 0; to < world.network().size(); to++) {
            if (to == index) {
                continue;
            }
            int roll = random.nextInt(100);
            if (roll < profile.silentPercent()) {
                continue;
            }
            if (roll < profile.silentPercent() + profile.equivocatePercent()) {
                world.network().send(index, to, EnvelopeWire.encode(forger.equivocate(envelope, camp(slot, to))));
            } else {
                world.network().send(index, to, honest);
            }
        }
    }

    private int camp(long slot, int peer) {
        return camps.computeIfAbsent(slot, s -> {
            int[] c = new int[world.network().size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = random.nextInt(2);
            }
            return c;
        })[peer];
    }

    private void scheduleAttack() {
        world.queue().after(1 + random.nextLong(2 * profile.attackIntervalMs()), () -> {
            attack();
            scheduleAttack();
        });
    }

    private void attack() {
        long slot = 1 + random.nextInt(world.config().slots());
        int kind = random.nextInt(100);
        for (int to = 0; to < world.network().size(); to++) {
            if (to == index || random.nextBoolean()) {
                continue;
            }
            byte[] bytes;
            if (kind < 30) {
                bytes = EnvelopeWire.encode(forger.forgedBallot(slot));
            } else if (kind < 50) {
                bytes = EnvelopeWire.encode(forger.forgedNomination(slot));
            } else if (kind < 58) {
                bytes = EnvelopeWire.encode(forger.insaneStatement(slot));
            } else if (kind < 66) {
                bytes = EnvelopeWire.encode(forger.withBadQuorumSet(slot));
            } else if (kind < 74) {
                bytes = EnvelopeWire.encode(forger.badSignature(slot));
            } else if (kind < 82) {
                bytes = EnvelopeWire.encode(forger.absurdSlot());
            } else if (kind < 91) {
                bytes = forger.garbage();
            } else {
                bytes = forger.corrupt(lastHonestBytes != null ? lastHonestBytes
                        : EnvelopeWire.encode(forger.forgedNomination(slot)));
            }
            world.network().send(index, to, bytes);
        }
    }
}
