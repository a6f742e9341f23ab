package io.corridor.consensus.sim;

import java.util.Arrays;
import java.util.Comparator;
import java.util.TreeSet;

import org.stellar.sdk.xdr.SCPBallot;
import org.stellar.sdk.xdr.SCPNomination;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges;
import org.stellar.sdk.xdr.SCPStatementType;
import org.stellar.sdk.xdr.Value;

/**
 * The checker's own reading of the white paper's statement order, written independently of the library:
 * a node's ballot statements must strictly increase (PREPARE &lt; CONFIRM &lt; EXTERNALIZE; within PREPARE by
 * (b, p, p', h), within CONFIRM by (b, p, h)) and its nominations may only grow (votes and accepted values
 * are only ever added).
 */
final class StatementOrder {
    private static final Comparator<Value> VALUES = (a, b) -> Arrays.compareUnsigned(a.getValue(), b.getValue());

    private StatementOrder() {
    }

    static boolean isBallot(SCPStatement st) {
        return st.getPledges().getDiscriminant() != SCPStatementType.SCP_ST_NOMINATE;
    }

    /** Whether ballot statement {@code next} supersedes {@code previous}. */
    static boolean ballotSupersedes(SCPStatement previous, SCPStatement next) {
        SCPStatementPledges a = previous.getPledges();
        SCPStatementPledges b = next.getPledges();
        int ta = rank(a.getDiscriminant());
        int tb = rank(b.getDiscriminant());
        if (ta != tb) {
            return ta < tb;
        }
        return switch (a.getDiscriminant()) {
            case SCP_ST_PREPARE -> lexLess(
                    new int[] {ballot(a.getPrepare().getBallot(), b.getPrepare().getBallot()),
                        ballot(a.getPrepare().getPrepared(), b.getPrepare().getPrepared()),
                        ballot(a.getPrepare().getPreparedPrime(), b.getPrepare().getPreparedPrime()),
                        Long.compare(a.getPrepare().getNH().getUint32().getNumber(),
                                b.getPrepare().getNH().getUint32().getNumber())});
            case SCP_ST_CONFIRM -> lexLess(
                    new int[] {ballot(a.getConfirm().getBallot(), b.getConfirm().getBallot()),
                        Long.compare(a.getConfirm().getNPrepared().getUint32().getNumber(),
                                b.getConfirm().getNPrepared().getUint32().getNumber()),
                        Long.compare(a.getConfirm().getNH().getUint32().getNumber(),
                                b.getConfirm().getNH().getUint32().getNumber())});
            default -> false; // EXTERNALIZE is final
        };
    }

    /** Whether nomination {@code next} only adds to {@code previous} (and is different). */
    static boolean nominationGrows(SCPStatement previous, SCPStatement next) {
        SCPNomination a = previous.getPledges().getNominate();
        SCPNomination b = next.getPledges().getNominate();
        TreeSet<Value> aVotes = set(a.getVotes());
        TreeSet<Value> bVotes = set(b.getVotes());
        TreeSet<Value> aAcc = set(a.getAccepted());
        TreeSet<Value> bAcc = set(b.getAccepted());
        return bVotes.containsAll(aVotes) && bAcc.containsAll(aAcc)
                && (bVotes.size() > aVotes.size() || bAcc.size() > aAcc.size());
    }

    private static TreeSet<Value> set(Value[] values) {
        TreeSet<Value> s = new TreeSet<>(VALUES);
        s.addAll(Arrays.asList(values));
        return s;
    }

    private static int rank(SCPStatementType t) {
        return switch (t) {
            case SCP_ST_PREPARE -> 0;
            case SCP_ST_CONFIRM -> 1;
            case SCP_ST_EXTERNALIZE -> 2;
            case SCP_ST_NOMINATE -> throw new IllegalArgumentException("not a ballot statement");
        };
    }

    /** Compares ballots (counter, then value); an absent ballot is below every ballot. */
    private static int ballot(SCPBallot x, SCPBallot y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        int c = Long.compare(x.getCounter().getUint32().getNumber(), y.getCounter().getUint32().getNumber());
        return c != 0 ? c : VALUES.compare(x.getValue(), y.getValue());
    }

    private static boolean lexLess(int[] comparisons) {
        for (int c : comparisons) {
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }
}
