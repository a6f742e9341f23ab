package io.corridor.consensus.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPBallot;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPNomination;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementConfirm;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementExternalize;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementPrepare;
import org.stellar.sdk.xdr.SCPStatementType;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.Uint32;
import org.stellar.sdk.xdr.Uint64;
import org.stellar.sdk.xdr.Value;
import org.stellar.sdk.xdr.XdrUnsignedHyperInteger;
import org.stellar.sdk.xdr.XdrUnsignedInteger;

/**
 * A Byzantine node's workshop: statements it makes up (well-formed and signed with its own key, so that
 * receivers must reason about them), equivocating rewrites of its honest statements, and garbage (random or
 * corrupted bytes, bad signatures, impersonation, insane statements and quorum sets, absurd slots).
 */
final class StatementForger {
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    private final World world;
    private final SimIdentity me;
    private final SplittableRandom random;
    private final Hash ownQuorumSet;
    private final Hash selfishQuorumSet;
    private final List<Hash> insaneQuorumSets = new ArrayList<>();

    StatementForger(World world, SimIdentity me, SplittableRandom random, Hash ownQuorumSet) {
        this.world = world;
        this.me = me;
        this.random = random;
        this.ownQuorumSet = ownQuorumSet;
        // A sane quorum set in which the node alone is a quorum: a lie about its own trust.
        this.selfishQuorumSet = world.quorumSets().publish(qSet(1, new NodeID[] {me.nodeId()}));
        NodeID[] two = {me.nodeId(), world.keys().get((me.index() + 1) % world.keys().size()).nodeId()};
        insaneQuorumSets.add(world.quorumSets().publish(qSet(0, two))); // threshold 0
        insaneQuorumSets.add(world.quorumSets().publish(qSet(3, two))); // threshold above members
        insaneQuorumSets.add(world.quorumSets().publish(qSet(2, new NodeID[] {two[0], two[0]}))); // duplicate
        insaneQuorumSets.add(world.quorumSets().publish(qSet(1, new NodeID[0]))); // empty
        SCPQuorumSet deep = qSet(1, two);
        for (int i = 0; i < 6; i++) {
            SCPQuorumSet outer = qSet(1, new NodeID[0]);
            outer.setInnerSets(new SCPQuorumSet[] {deep});
            deep = outer;
        }
        insaneQuorumSets.add(world.quorumSets().publish(deep)); // nested too deep
        insaneQuorumSets.add(new Hash(SimIdentity.sha256(new byte[] {(byte) me.index()}))); // unknown
    }

    private static SCPQuorumSet qSet(long threshold, NodeID[] validators) {
        SCPQuorumSet q = new SCPQuorumSet();
        q.setThreshold(new Uint32(new XdrUnsignedInteger(threshold)));
        q.setValidators(validators);
        q.setInnerSets(new SCPQuorumSet[0]);
        return q;
    }

    // ------------------------------------------------------------------ values

    /** A value a Byzantine node may put in a statement: honest proposals, its own, sometimes invalid ones. */
    Value poolValue(long slot) {
        int pick = random.nextInt(100);
        if (pick < 40) {
            return SimValues.honest(slot, random.nextInt(world.topology().size()));
        }
        if (pick < 90) {
            return SimValues.byzantine(slot, me.index(), 1 + random.nextInt(4));
        }
        if (pick < 95) {
            return SimValues.byzantine(slot + 1 + random.nextInt(3), me.index(), 1); // valid, but for another slot
        }
        byte[] b = new byte[random.nextInt(24)];
        random.nextBytes(b);
        return new Value(b);
    }

    /** The value camp {@code camp} is told instead of {@code v}: injective, so ballot sanity is preserved. */
    Value equivocal(long slot, Value v, int camp) {
        int h = Arrays.hashCode(v.getValue()) & 0xFFFFFF;
        return SimValues.byzantine(slot, me.index(), ((camp + 1) << 24) | h);
    }

    // ------------------------------------------------------------------ statements

    /** The statement with every value replaced by what {@code camp} is told, re-signed. */
    SCPEnvelope equivocate(SCPEnvelope honest, int camp) {
        SCPStatement st = copy(honest).getStatement();
        long slot = st.getSlotIndex().getUint64().getNumber().longValue();
        SCPStatementPledges pl = st.getPledges();
        switch (pl.getDiscriminant()) {
            case SCP_ST_NOMINATE -> {
                pl.getNominate().setVotes(mapSorted(slot, pl.getNominate().getVotes(), camp));
                pl.getNominate().setAccepted(mapSorted(slot, pl.getNominate().getAccepted(), camp));
            }
            case SCP_ST_PREPARE -> {
                SCPStatementPrepare p = pl.getPrepare();
                p.setBallot(mapBallot(slot, p.getBallot(), camp));
                p.setPrepared(mapBallot(slot, p.getPrepared(), camp));
                p.setPreparedPrime(mapBallot(slot, p.getPreparedPrime(), camp));
            }
            case SCP_ST_CONFIRM -> pl.getConfirm().setBallot(mapBallot(slot, pl.getConfirm().getBallot(), camp));
            case SCP_ST_EXTERNALIZE -> pl.getExternalize().setCommit(mapBallot(slot, pl.getExternalize().getCommit(), camp));
        }
        return signed(st);
    }

    private Value[] mapSorted(long slot, Value[] values, int camp) {
        TreeSet<Value> out = new TreeSet<>((a, b) -> Arrays.compareUnsigned(a.getValue(), b.getValue()));
        for (Value v : values) {
            out.add(equivocal(slot, v, camp));
        }
        return out.toArray(new Value[0]);
    }

    private SCPBallot mapBallot(long slot, SCPBallot b, int camp) {
        return b == null ? null : ballot(b.getCounter().getUint32().getNumber(), equivocal(slot, b.getValue(), camp));
    }

    /** A random, sane ballot statement (PREPARE, CONFIRM or EXTERNALIZE) with values from the pool. */
    SCPEnvelope forgedBallot(long slot) {
        long b = counter();
        SCPStatementPledges pl = new SCPStatementPledges();
        switch (random.nextInt(3)) {
            case 0 -> {
                SCPStatementPrepare p = new SCPStatementPrepare();
                p.setQuorumSetHash(declaredQuorumSet());
                p.setBallot(ballot(b, poolValue(slot)));
                long nH = 0;
                long nC = 0;
                if (random.nextBoolean()) {
                    long pc = 1 + random.nextLong(b);
                    Value pv = poolValue(slot);
                    p.setPrepared(ballot(pc, pv));
                    if (random.nextBoolean()) {
                        Value other = poolValue(slot);
                        long ppc = 1 + random.nextLong(pc);
                        int cmp = Arrays.compareUnsigned(other.getValue(), pv.getValue());
                        if (cmp != 0 && (ppc < pc || cmp < 0)) {
                            p.setPreparedPrime(ballot(ppc, other));
                        }
                    }
                    if (random.nextBoolean()) {
                        nH = 1 + random.nextLong(pc);
                        nC = random.nextBoolean() ? 1 + random.nextLong(nH) : 0;
                    }
                }
                p.setNC(u32(nC));
                p.setNH(u32(nH));
                pl.setDiscriminant(SCPStatementType.SCP_ST_PREPARE);
                pl.setPrepare(p);
            }
            case 1 -> {
                SCPStatementConfirm c = new SCPStatementConfirm();
                c.setQuorumSetHash(declaredQuorumSet());
                c.setBallot(ballot(b, poolValue(slot)));
                long nH = 1 + random.nextLong(b);
                c.setNH(u32(nH));
                c.setNCommit(u32(1 + random.nextLong(nH)));
                c.setNPrepared(u32(1 + random.nextLong(b)));
                pl.setDiscriminant(SCPStatementType.SCP_ST_CONFIRM);
                pl.setConfirm(c);
            }
            default -> {
                SCPStatementExternalize x = new SCPStatementExternalize();
                x.setCommitQuorumSetHash(declaredQuorumSet());
                x.setCommit(ballot(b, poolValue(slot)));
                x.setNH(u32(b + random.nextLong(Math.min(4, UINT32_MAX - b + 1))));
                pl.setDiscriminant(SCPStatementType.SCP_ST_EXTERNALIZE);
                pl.setExternalize(x);
            }
        }
        return signed(statement(slot, me.nodeId(), pl));
    }

    /** A random nomination: sorted, distinct votes and accepted values from the pool. */
    SCPEnvelope forgedNomination(long slot) {
        SCPNomination nom = new SCPNomination();
        nom.setQuorumSetHash(declaredQuorumSet());
        nom.setVotes(sortedValues(slot, 1 + random.nextInt(4)));
        nom.setAccepted(sortedValues(slot, random.nextInt(3)));
        SCPStatementPledges pl = new SCPStatementPledges();
        pl.setDiscriminant(SCPStatementType.SCP_ST_NOMINATE);
        pl.setNominate(nom);
        return signed(statement(slot, me.nodeId(), pl));
    }

    /** A statement breaking the sanity rules: counters out of order, unsorted or empty nominations. */
    SCPEnvelope insaneStatement(long slot) {
        SCPStatementPledges pl = new SCPStatementPledges();
        switch (random.nextInt(3)) {
            case 0 -> {
                SCPStatementPrepare p = new SCPStatementPrepare();
                p.setQuorumSetHash(ownQuorumSet);
                p.setBallot(ballot(random.nextInt(3), poolValue(slot))); // b may be 0
                p.setPrepared(ballot(5, poolValue(slot)));
                p.setPreparedPrime(ballot(7, poolValue(slot))); // p' above p
                p.setNC(u32(4));
                p.setNH(u32(2)); // c above h
                pl.setDiscriminant(SCPStatementType.SCP_ST_PREPARE);
                pl.setPrepare(p);
            }
            case 1 -> {
                SCPStatementConfirm c = new SCPStatementConfirm();
                c.setQuorumSetHash(ownQuorumSet);
                c.setBallot(ballot(2, poolValue(slot)));
                c.setNH(u32(5)); // h above b
                c.setNCommit(u32(6));
                c.setNPrepared(u32(1));
                pl.setDiscriminant(SCPStatementType.SCP_ST_CONFIRM);
                pl.setConfirm(c);
            }
            default -> {
                SCPNomination nom = new SCPNomination();
                nom.setQuorumSetHash(ownQuorumSet);
                Value[] votes = sortedValues(slot, 3);
                List<Value> reversed = new ArrayList<>(Arrays.asList(votes));
                java.util.Collections.reverse(reversed);
                nom.setVotes(random.nextBoolean() ? new Value[0] : reversed.toArray(new Value[0]));
                nom.setAccepted(new Value[0]);
                pl.setDiscriminant(SCPStatementType.SCP_ST_NOMINATE);
                pl.setNominate(nom);
            }
        }
        return signed(statement(slot, me.nodeId(), pl));
    }

    /** A sane statement whose quorum set is insane or unknown. */
    SCPEnvelope withBadQuorumSet(long slot) {
        SCPEnvelope e = random.nextBoolean() ? forgedNomination(slot) : forgedBallot(slot);
        SCPStatement st = e.getStatement();
        Hash bad = insaneQuorumSets.get(random.nextInt(insaneQuorumSets.size()));
        SCPStatementPledges pl = st.getPledges();
        switch (pl.getDiscriminant()) {
            case SCP_ST_NOMINATE -> pl.getNominate().setQuorumSetHash(bad);
            case SCP_ST_PREPARE -> pl.getPrepare().setQuorumSetHash(bad);
            case SCP_ST_CONFIRM -> pl.getConfirm().setQuorumSetHash(bad);
            case SCP_ST_EXTERNALIZE -> pl.getExternalize().setCommitQuorumSetHash(bad);
        }
        return signed(st);
    }

    /** A statement with a bad signature: random bytes, or another node's statement signed with this key. */
    SCPEnvelope badSignature(long slot) {
        SCPEnvelope e = random.nextBoolean() ? forgedNomination(slot) : forgedBallot(slot);
        if (random.nextBoolean()) {
            byte[] sig = new byte[random.nextInt(65)];
            random.nextBytes(sig);
            e.setSignature(new Signature(sig));
        } else {
            int victim = random.nextInt(world.keys().size());
            e.getStatement().setNodeID(world.keys().get(victim).nodeId()); // impersonation
            e.setSignature(me.sign(e.getStatement()));
        }
        return e;
    }

    /** A sane statement for a slot far away: 0, far ahead, or beyond what a signed 64-bit number holds. */
    SCPEnvelope absurdSlot() {
        long slot = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> world.config().slots() + 2 + random.nextInt(world.config().slotHorizon() + 4);
            case 2 -> Long.MAX_VALUE - random.nextInt(3);
            default -> 1L << (20 + random.nextInt(40));
        };
        SCPEnvelope e = random.nextBoolean() ? forgedNomination(Math.max(slot, 0)) : forgedBallot(slot);
        if (random.nextInt(4) == 0) {
            BigInteger huge = BigInteger.ONE.shiftLeft(63).add(BigInteger.valueOf(random.nextInt(1000)));
            e.getStatement().setSlotIndex(new Uint64(new XdrUnsignedHyperInteger(huge)));
            e.setSignature(me.sign(e.getStatement()));
        }
        return e;
    }

    /** Random bytes. */
    byte[] garbage() {
        byte[] b = new byte[random.nextInt(200)];
        random.nextBytes(b);
        return b;
    }

    /** A valid envelope's bytes with a few bytes changed (lengths and counts included). */
    byte[] corrupt(byte[] valid) {
        byte[] b = valid.clone();
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips && b.length > 0; i++) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        if (random.nextInt(4) == 0) {
            b = Arrays.copyOf(b, random.nextInt(b.length + 8));
        }
        return b;
    }

    // ------------------------------------------------------------------ helpers

    private Hash declaredQuorumSet() {
        return random.nextInt(100) < 85 ? ownQuorumSet : selfishQuorumSet;
    }

    private long counter() {
        int pick = random.nextInt(100);
        if (pick < 80) {
            return 1 + random.nextInt(8);
        }
        if (pick < 95) {
            return 1 + random.nextInt(100);
        }
        return UINT32_MAX - 1 - random.nextInt(3);
    }

    private Value[] sortedValues(long slot, int count) {
        TreeSet<Value> out = new TreeSet<>((a, b) -> Arrays.compareUnsigned(a.getValue(), b.getValue()));
        for (int i = 0; i < count; i++) {
            out.add(poolValue(slot));
        }
        return out.toArray(new Value[0]);
    }

    private static SCPBallot ballot(long counter, Value v) {
        SCPBallot b = new SCPBallot();
        b.setCounter(u32(counter));
        b.setValue(v);
        return b;
    }

    private static Uint32 u32(long v) {
        return new Uint32(new XdrUnsignedInteger(v));
    }

    private static SCPStatement statement(long slot, NodeID node, SCPStatementPledges pl) {
        SCPStatement st = new SCPStatement();
        st.setNodeID(node);
        st.setSlotIndex(new Uint64(new XdrUnsignedHyperInteger(slot)));
        st.setPledges(pl);
        return st;
    }

    private SCPEnvelope signed(SCPStatement st) {
        SCPEnvelope e = new SCPEnvelope();
        e.setStatement(st);
        e.setSignature(me.sign(st));
        return e;
    }

    /**
     * A deep copy. Whole envelopes are copied: the SDK cannot decode a lone statement ending in an empty value
     * (its stream reports the end of input for a zero-length read there).
     */
    private static SCPEnvelope copy(SCPEnvelope e) {
        try {
            return SCPEnvelope.fromXdrByteArray(e.toXdrByteArray());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
