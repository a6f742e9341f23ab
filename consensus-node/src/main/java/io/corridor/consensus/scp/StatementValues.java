package io.corridor.consensus.scp;

import java.util.Set;
import java.util.TreeSet;

import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.SCPNomination;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.SCPStatementType;
import org.stellar.sdk.xdr.Value;

/**
 * What a host must have before it can hand a statement to {@link Scp}: the quorum set the statement refers to
 * and every value it mentions (a herder fetches missing transaction sets and quorum sets from peers first).
 */
public final class StatementValues {
    private StatementValues() {
    }

    /** The quorum-set hash a statement carries (for EXTERNALIZE, the set it committed with). */
    public static Hash quorumSetHash(SCPStatement statement) {
        return Statements.companionQuorumSetHash(statement);
    }

    /** The distinct values a statement mentions: votes and accepted values, or its ballots' values. */
    public static Set<Value> values(SCPStatement statement) {
        if (Statements.type(statement) != SCPStatementType.SCP_ST_NOMINATE) {
            return Statements.ballotValues(statement);
        }
        Set<Value> values = new TreeSet<>(Xdr.VALUE_ORDER);
        SCPNomination nomination = statement.getPledges().getNominate();
        if (nomination.getVotes() != null) {
            values.addAll(java.util.List.of(nomination.getVotes()));
        }
        if (nomination.getAccepted() != null) {
            values.addAll(java.util.List.of(nomination.getAccepted()));
        }
        return values;
    }
}
