package io.corridor.ledger.core.history;

import io.corridor.ledger.core.Accounts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.LedgerKey;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.RevokeSponsorshipOp;
import org.stellar.sdk.xdr.RevokeSponsorshipType;

/**
 * The accounts an operation concerns, for "operations of account X": its source and, by type, the account
 * it creates, pays, merges into, authorizes, claws back from or sponsors, the claimants of a claimable balance
 * it creates and the owner of the entry or signer whose sponsorship it revokes (as Horizon's participants).
 * Every account an operation's effects concern is among them, so an account's effects are found among its
 * operations.
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
        switch (body.getDiscriminant()) {
            case CREATE_CLAIMABLE_BALANCE -> {
                for (var claimant : body.getCreateClaimableBalanceOp().getClaimants()) {
                    accounts.put(Accounts.strKey(claimant.getV0().getDestination()), true);
                }
            }
            case REVOKE_SPONSORSHIP -> {
                AccountID owner = revokedOwner(body.getRevokeSponsorshipOp());
                if (owner != null) {
                    accounts.put(Accounts.strKey(owner), true);
                }
            }
            default -> {
            }
        }
        return accounts.keySet();
    }

    /** The account owning the entry or signer whose sponsorship is revoked; none for a claimable balance. */
    private static AccountID revokedOwner(RevokeSponsorshipOp op) {
        if (op.getDiscriminant() == RevokeSponsorshipType.REVOKE_SPONSORSHIP_SIGNER) {
            return op.getSigner().getAccountID();
        }
        LedgerKey key = op.getLedgerKey();
        return switch (key.getDiscriminant()) {
            case ACCOUNT -> key.getAccount().getAccountID();
            case TRUSTLINE -> key.getTrustLine().getAccountID();
            case OFFER -> key.getOffer().getSellerID();
            case DATA -> key.getData().getAccountID();
            default -> null;
        };
    }

    /** Whether Horizon lists the operation under {@code /payments}. */
    public static boolean isPayment(Operation operation) {
        return switch (operation.getBody().getDiscriminant()) {
            case CREATE_ACCOUNT, PAYMENT, PATH_PAYMENT_STRICT_RECEIVE, PATH_PAYMENT_STRICT_SEND, ACCOUNT_MERGE -> true;
            default -> false;
        };
    }
}
