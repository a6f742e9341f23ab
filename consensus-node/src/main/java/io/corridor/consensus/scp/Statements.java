package io.corridor.consensus.scp;

import java.util.Set;
import java.util.TreeSet;

import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementConfirm;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementExternalize;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementPrepare;
import org.stellar.sdk.xdr.SCPStatementType;
import org.stellar.sdk.xdr.Value;

/** Read accessors over XDR statements used by both protocols. */
final class Statements {
    private Statements() {
    }

    static SCPStatementType type(SCPStatement st) {
        return st.getPledges().getDiscriminant();
    }

    static SCPStatementPrepare prepare(SCPStatement st) {
        return st.getPledges().getPrepare();
    }

    static SCPStatementConfirm confirm(SCPStatement st) {
        return st.getPledges().getConfirm();
    }

    static SCPStatementExternalize externalize(SCPStatement st) {
        return st.getPledges().getExternalize();
    }

    /** The quorum-set hash a statement carries (for EXTERNALIZE, the set it committed with). */
    static Hash companionQuorumSetHash(SCPStatement st) {
        SCPStatementPledges pl = st.getPledges();
        return switch (pl.getDiscriminant()) {
            case SCP_ST_PREPARE -> pl.getPrepare().getQuorumSetHash();
            case SCP_ST_CONFIRM -> pl.getConfirm().getQuorumSetHash();
            case SCP_ST_EXTERNALIZE -> pl.getExternalize().getCommitQuorumSetHash();
            case SCP_ST_NOMINATE -> pl.getNominate().getQuorumSetHash();
        };
    }

    /** The ballot a ballot statement is working on: b, or the commit ballot for CONFIRM/EXTERNALIZE. */
    static Ballot workingBallot(SCPStatement st) {
        return switch (type(st)) {
            case SCP_ST_PREPARE -> Ballot.of(prepare(st).getBallot());
            case SCP_ST_CONFIRM -> new Ballot(Xdr.uint32(confirm(st).getNCommit()),
                    confirm(st).getBallot().getValue());
            case SCP_ST_EXTERNALIZE -> Ballot.of(externalize(st).getCommit());
            case SCP_ST_NOMINATE -> throw new IllegalArgumentException("nomination has no ballot");
        };
    }

    /** The counter of b; EXTERNALIZE stands for the infinite ballot. */
    static long ballotCounter(SCPStatement st) {
        return switch (type(st)) {
            case SCP_ST_PREPARE -> Xdr.uint32(prepare(st).getBallot().getCounter());
            case SCP_ST_CONFIRM -> Xdr.uint32(confirm(st).getBallot().getCounter());
            case SCP_ST_EXTERNALIZE -> Ballot.COUNTER_INFINITE;
            case SCP_ST_NOMINATE -> throw new IllegalArgumentException("nomination has no ballot");
        };
    }

    /** The distinct values a ballot statement refers to. */
    static Set<Value> ballotValues(SCPStatement st) {
        Set<Value> values = new TreeSet<>(Xdr.VALUE_ORDER);
        switch (type(st)) {
            case SCP_ST_PREPARE -> {
                SCPStatementPrepare p = prepare(st);
                if (Xdr.uint32(p.getBallot().getCounter()) != 0) {
                    values.add(p.getBallot().getValue());
                }
                if (p.getPrepared() != null) {
                    values.add(p.getPrepared().getValue());
                }
                if (p.getPreparedPrime() != null) {
                    values.add(p.getPreparedPrime().getValue());
                }
            }
            case SCP_ST_CONFIRM -> values.add(confirm(st).getBallot().getValue());
            case SCP_ST_EXTERNALIZE -> values.add(externalize(st).getCommit().getValue());
            case SCP_ST_NOMINATE -> throw new IllegalArgumentException("not a ballot statement");
        }
        return values;
    }
}
