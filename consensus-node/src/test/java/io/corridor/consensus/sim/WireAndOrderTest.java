package io.corridor.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.SCPEnvelope;

/** The simulator's own parts: the bounded envelope decoder, the statement order, forged statements. */
class WireAndOrderTest {
    final Topology topology = Topologies.threeFPlusOne(1);

    StatementForger forger(long seed) {
        EventQueue queue = new EventQueue();
        FaultPlan plan = FaultPlan.none();
        Network network = new Network(queue, plan, new SplittableRandom(seed));
        World world = new World(topology, SimulationConfig.DEFAULT, queue, network, new KeyRing(topology.identities()),
                new QuorumSetDirectory(), new Monitor(topology, new java.util.TreeSet<>(), 3, queue), new Traffic.Counter());
        return new StatementForger(world, topology.identities().get(0), new SplittableRandom(seed),
                world.quorumSets().publish(topology.scpQuorumSet(0)));
    }

    @Test
    void envelopesRoundTripAndHugeLengthPrefixesAreRejectedWithoutAllocating() {
        StatementForger f = forger(1);
        for (int i = 0; i < 200; i++) {
            SCPEnvelope e = i % 2 == 0 ? f.forgedBallot(1) : f.forgedNomination(2);
            byte[] bytes = EnvelopeWire.encode(e);
            assertThat(EnvelopeWire.decode(bytes)).contains(e);
            // truncated or extended: not exactly one envelope
            assertThat(EnvelopeWire.decode(java.util.Arrays.copyOf(bytes, bytes.length - 1))).isEmpty();
            assertThat(EnvelopeWire.decode(java.util.Arrays.copyOf(bytes, bytes.length + 4))).isEmpty();
        }
        // a nomination claiming 2^31-1 votes: the SDK's decoder alone would try to allocate them
        SCPEnvelope nom = f.forgedNomination(1);
        byte[] bytes = EnvelopeWire.encode(nom);
        int votesCountAt = 4 + 32 + 8 + 4 + 32;
        ByteBuffer.wrap(bytes).putInt(votesCountAt, Integer.MAX_VALUE);
        assertThat(EnvelopeWire.decode(bytes)).isEmpty();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            byte[] garbage = f.garbage();
            EnvelopeWire.decode(garbage); // never throws
            EnvelopeWire.decode(f.corrupt(EnvelopeWire.encode(f.forgedBallot(1 + r.nextInt(3)))));
        }
    }

    @Test
    void forgedBallotStatementsAreSignedByTheirNodeAndImpersonationIsNot() {
        StatementForger f = forger(3);
        KeyRing keys = new KeyRing(topology.identities());
        for (int i = 0; i < 100; i++) {
            assertThat(keys.verify(f.forgedBallot(1))).isTrue();
            assertThat(keys.verify(f.equivocate(f.forgedNomination(1), i % 2))).isTrue();
        }
        int impersonations = 0;
        for (int i = 0; i < 100; i++) {
            SCPEnvelope bad = f.badSignature(1);
            if (!bad.getStatement().getNodeID().equals(topology.identities().get(0).nodeId())) {
                impersonations++;
                assertThat(keys.verify(bad)).as("signed for another node").isFalse();
            }
        }
        assertThat(impersonations).isGreaterThan(20);
    }

    @Test
    void statementOrderFollowsThePaper() {
        StatementForger f = forger(5);
        SCPEnvelope a = f.forgedBallot(1);
        assertThat(StatementOrder.ballotSupersedes(a.getStatement(), a.getStatement())).isFalse();
        int checked = 0;
        for (int i = 0; i < 500; i++) {
            SCPEnvelope x = f.forgedBallot(1);
            SCPEnvelope y = f.forgedBallot(1);
            boolean xy = StatementOrder.ballotSupersedes(x.getStatement(), y.getStatement());
            boolean yx = StatementOrder.ballotSupersedes(y.getStatement(), x.getStatement());
            assertThat(xy && yx).as("antisymmetric").isFalse();
            String tx = x.getStatement().getPledges().getDiscriminant().name();
            String ty = y.getStatement().getPledges().getDiscriminant().name();
            List<String> order = List.of("SCP_ST_PREPARE", "SCP_ST_CONFIRM", "SCP_ST_EXTERNALIZE");
            if (order.indexOf(tx) < order.indexOf(ty)) {
                assertThat(xy).isTrue();
                checked++;
            }
            if (tx.equals("SCP_ST_EXTERNALIZE") && ty.equals(tx)) {
                assertThat(xy || yx).as("EXTERNALIZE is final").isFalse();
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void valuesAreValidOnlyForTheirSlot() {
        assertThat(SimValues.validate(3, SimValues.honest(3, 1)).name()).isEqualTo("FULLY_VALIDATED");
        assertThat(SimValues.validate(3, SimValues.byzantine(3, 1, 9)).name()).isEqualTo("FULLY_VALIDATED");
        assertThat(SimValues.validate(2, SimValues.honest(3, 1)).name()).isEqualTo("INVALID");
        assertThat(SimValues.validate(3, new org.stellar.sdk.xdr.Value(new byte[] {1, 2})).name()).isEqualTo("INVALID");
        assertThat(SimValues.describe(SimValues.byzantine(3, 1, 9))).isEqualTo("s3:b1.9");
    }
}
