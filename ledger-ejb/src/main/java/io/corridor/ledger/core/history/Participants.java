package io.corridor.ledger.core.history;

import io.corridor.ledger.core.Accounts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Operation;

/**
 * The accounts an operation concerns, for "operations of account X": its source and, by type, the account
 * it creates, pays, merges into, authorizes, claws back from or sponsors (as Horizon's participants).
 */
public final class Participants {

    private Participants() {
    }

    /** Participants as strkeys, the source first, no duplicates. */
    public static Set<String> of(Operation operation, AccountID txSource) {
        Map<String, Boolean> accounts = new LinkedHashMap<>();
        AccountID source = operation.getSourceAccount() == null ? txSource
                : Accounts.fromMuxed(operation.getSourceAccount());
        accounts.put(Accounts.strKey(source), true);
        var body = operation.getBody();
        AccountID other = switch (body.getDiscriminant()) {
            case CREATE_ACCOUNT -> body.getCreateAccountOp().getDestination();
            case PAYMENT -> Accounts.fromMuxed(body.getPaymentOp().getDestination());
            case PATH_PAYMENT_STRICT_RECEIVE -> Accounts.fromMuxed(body.getPathPaymentStrictReceiveOp().getDestination());
            case PATH_PAYMENT_STRICT_SEND -> Accounts.fromMuxed(body.getPathPaymentStrictSendOp().getDestination());
            case ACCOUNT_MERGE -> Accounts.fromMuxed(body.getDestination());
            case ALLOW_TRUST -> body.getAllowTrustOp().getTrustor();
            case SET_TRUST_LINE_FLAGS -> body.getSetTrustLineFlagsOp().getTrustor();
            case CLAWBACK -> Accounts.fromMuxed(body.getClawbackOp().getFrom());
            case BEGIN_SPONSORING_FUTURE_RESERVES -> body.getBeginSponsoringFutureReservesOp().getSponsoredID();
            default -> null;
        };
        if (other != null) {
            accounts.put(Accounts.strKey(other), true);
        }
        return accounts.keySet();
    }

    /** Whether Horizon lists the operation under {@code /payments}. */
    public static boolean isPayment(Operation operation) {
        return switch (operation.getBody().getDiscriminant()) {
            case CREATE_ACCOUNT, PAYMENT, PATH_PAYMENT_STRICT_RECEIVE, PATH_PAYMENT_STRICT_SEND, ACCOUNT_MERGE -> true;
            default -> false;
        };
    }
}
