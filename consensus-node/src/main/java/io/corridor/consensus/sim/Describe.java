package io.corridor.consensus.sim;

import org.stellar.sdk.xdr.SCPBallot;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges;
import org.stellar.sdk.xdr.Value;

/** Short readable forms of statements for failure reports. */
final class Describe {
    private Describe() {
    }

    static String statement(SCPStatement st) {
        SCPStatementPledges pl = st.getPledges();
        return switch (pl.getDiscriminant()) {
            case SCP_ST_NOMINATE -> "NOMINATE votes=" + values(pl.getNominate().getVotes()) + " accepted="
                    + values(pl.getNominate().getAccepted());
            case SCP_ST_PREPARE -> "PREPARE b=" + ballot(pl.getPrepare().getBallot()) + " p="
                    + ballot(pl.getPrepare().getPrepared()) + " p'=" + ballot(pl.getPrepare().getPreparedPrime())
                    + " nC=" + pl.getPrepare().getNC().getUint32().getNumber() + " nH="
                    + pl.getPrepare().getNH().getUint32().getNumber();
            case SCP_ST_CONFIRM -> "CONFIRM b=" + ballot(pl.getConfirm().getBallot()) + " nP="
                    + pl.getConfirm().getNPrepared().getUint32().getNumber() + " nC="
                    + pl.getConfirm().getNCommit().getUint32().getNumber() + " nH="
                    + pl.getConfirm().getNH().getUint32().getNumber();
            case SCP_ST_EXTERNALIZE -> "EXTERNALIZE c=" + ballot(pl.getExternalize().getCommit()) + " nH="
                    + pl.getExternalize().getNH().getUint32().getNumber();
        };
    }

    static String ballot(SCPBallot b) {
        return b == null ? "-" : "(" + b.getCounter().getUint32().getNumber() + "," + SimValues.describe(b.getValue()) + ")";
    }

    static String values(Value[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : " ").append(SimValues.describe(values[i]));
        }
        return sb.append(']').toString();
    }
}
