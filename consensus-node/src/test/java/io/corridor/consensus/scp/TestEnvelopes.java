package io.corridor.consensus.scp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPBallot;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPNomination;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementConfirm;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementExternalize;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementPrepare;
import org.stellar.sdk.xdr.SCPStatementType;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.Value;

/**
 * Builds envelopes of fake nodes straight from the XDR classes (not through the library's own builders)
 * and checks emitted ones field by field, in the manner of stellar-core's SCPTests.
 */
final class TestEnvelopes {
    /** Network id used by the test signature scheme. */
    static final Hash NETWORK_ID = new Hash(Xdr.sha256("corridor test network".getBytes()));

    private TestEnvelopes() {
    }

    /**
     * The test signature: SHA-256 of the node id and the signature payload. It stands in for Ed25519 so the
     * tests need no keys; it still binds the signature to the statement and the node.
     */
    static Signature testSignature(SCPStatement st) {
        byte[] node = Xdr.encode(st.getNodeID()::toXdrByteArray);
        return new Signature(Xdr.sha256(Xdr.concat(node, ScpSignatures.payload(NETWORK_ID, st))));
    }

    static SCPEnvelope envelope(NodeID node, long slot, SCPStatementPledges pledges) {
        SCPStatement st = new SCPStatement();
        st.setNodeID(node);
        st.setSlotIndex(Xdr.uint64(slot));
        st.setPledges(pledges);
        SCPEnvelope e = new SCPEnvelope();
        e.setStatement(st);
        e.setSignature(testSignature(st));
        return e;
    }

    static SCPBallot ballot(long counter, Value v) {
        SCPBallot b = new SCPBallot();
        b.setCounter(Xdr.uint32(counter));
        b.setValue(v);
        return b;
    }

    static SCPEnvelope prepare(NodeID node, Hash qSetHash, long slot, SCPBallot b) {
        return prepare(node, qSetHash, slot, b, null, 0, 0, null);
    }

    static SCPEnvelope prepare(NodeID node, Hash qSetHash, long slot, SCPBallot b, SCPBallot p) {
        return prepare(node, qSetHash, slot, b, p, 0, 0, null);
    }

    static SCPEnvelope prepare(NodeID node, Hash qSetHash, long slot, SCPBallot b, SCPBallot p, long nC, long nH) {
        return prepare(node, qSetHash, slot, b, p, nC, nH, null);
    }

    static SCPEnvelope prepare(NodeID node, Hash qSetHash, long slot, SCPBallot b, SCPBallot p, long nC, long nH,
            SCPBallot pPrime) {
        SCPStatementPrepare prep = new SCPStatementPrepare();
        prep.setQuorumSetHash(qSetHash);
        prep.setBallot(b);
        prep.setPrepared(p);
        prep.setPreparedPrime(pPrime);
        prep.setNC(Xdr.uint32(nC));
        prep.setNH(Xdr.uint32(nH));
        SCPStatementPledges pl = new SCPStatementPledges();
        pl.setDiscriminant(SCPStatementType.SCP_ST_PREPARE);
        pl.setPrepare(prep);
        return envelope(node, slot, pl);
    }

    static SCPEnvelope confirm(NodeID node, Hash qSetHash, long slot, long nPrepared, SCPBallot b, long nC, long nH) {
        SCPStatementConfirm c = new SCPStatementConfirm();
        c.setQuorumSetHash(qSetHash);
        c.setBallot(b);
        c.setNPrepared(Xdr.uint32(nPrepared));
        c.setNCommit(Xdr.uint32(nC));
        c.setNH(Xdr.uint32(nH));
        SCPStatementPledges pl = new SCPStatementPledges();
        pl.setDiscriminant(SCPStatementType.SCP_ST_CONFIRM);
        pl.setConfirm(c);
        return envelope(node, slot, pl);
    }

    static SCPEnvelope externalize(NodeID node, Hash qSetHash, long slot, SCPBallot commit, long nH) {
        SCPStatementExternalize x = new SCPStatementExternalize();
        x.setCommit(commit);
        x.setNH(Xdr.uint32(nH));
        x.setCommitQuorumSetHash(qSetHash);
        SCPStatementPledges pl = new SCPStatementPledges();
        pl.setDiscriminant(SCPStatementType.SCP_ST_EXTERNALIZE);
        pl.setExternalize(x);
        return envelope(node, slot, pl);
    }

    static SCPEnvelope nominate(NodeID node, Hash qSetHash, long slot, List<Value> votes, List<Value> accepted) {
        List<Value> v = new ArrayList<>(votes);
        List<Value> a = new ArrayList<>(accepted);
        v.sort(Xdr.VALUE_ORDER);
        a.sort(Xdr.VALUE_ORDER);
        SCPNomination nom = new SCPNomination();
        nom.setQuorumSetHash(qSetHash);
        nom.setVotes(v.toArray(new Value[0]));
        nom.setAccepted(a.toArray(new Value[0]));
        SCPStatementPledges pl = new SCPStatementPledges();
        pl.setDiscriminant(SCPStatementType.SCP_ST_NOMINATE);
        pl.setNominate(nom);
        return envelope(node, slot, pl);
    }

    /** Asserts the envelope's statement equals the expected one, with a readable diff first. */
    static void assertStatement(SCPEnvelope actual, SCPEnvelope expected) {
        assertThat(describe(actual.getStatement())).isEqualTo(describe(expected.getStatement()));
        assertThat(actual.getStatement()).isEqualTo(expected.getStatement());
    }

    static String describe(SCPStatement st) {
        SCPStatementPledges pl = st.getPledges();
        String node = Xdr.hex(Xdr.encode(st.getNodeID()::toXdrByteArray), 8);
        String head = "node=" + node + " slot=" + st.getSlotIndex().getUint64().getNumber() + " ";
        return head + switch (pl.getDiscriminant()) {
            case SCP_ST_PREPARE -> {
                SCPStatementPrepare p = pl.getPrepare();
                yield "PREPARE b=" + b(p.getBallot()) + " p=" + b(p.getPrepared()) + " p'=" + b(p.getPreparedPrime())
                        + " nC=" + Xdr.uint32(p.getNC()) + " nH=" + Xdr.uint32(p.getNH()) + " q="
                        + Xdr.hex(p.getQuorumSetHash().getHash(), 4);
            }
            case SCP_ST_CONFIRM -> {
                SCPStatementConfirm c = pl.getConfirm();
                yield "CONFIRM b=" + b(c.getBallot()) + " nP=" + Xdr.uint32(c.getNPrepared()) + " nC="
                        + Xdr.uint32(c.getNCommit()) + " nH=" + Xdr.uint32(c.getNH()) + " q="
                        + Xdr.hex(c.getQuorumSetHash().getHash(), 4);
            }
            case SCP_ST_EXTERNALIZE -> {
                SCPStatementExternalize x = pl.getExternalize();
                yield "EXTERNALIZE c=" + b(x.getCommit()) + " nH=" + Xdr.uint32(x.getNH()) + " q="
                        + Xdr.hex(x.getCommitQuorumSetHash().getHash(), 4);
            }
            case SCP_ST_NOMINATE -> {
                SCPNomination n = pl.getNominate();
                yield "NOMINATE votes=" + names(n.getVotes()) + " accepted=" + names(n.getAccepted()) + " q="
                        + Xdr.hex(n.getQuorumSetHash().getHash(), 4);
            }
        };
    }

    private static String b(SCPBallot b) {
        if (b == null) {
            return "-";
        }
        long n = Xdr.uint32(b.getCounter());
        return "(" + (n == Ballot.COUNTER_INFINITE ? "inf" : Long.toString(n)) + "," + TestValues.name(b.getValue())
                + ")";
    }

    private static List<String> names(Value[] values) {
        return Arrays.stream(values).map(TestValues::name).toList();
    }
}
