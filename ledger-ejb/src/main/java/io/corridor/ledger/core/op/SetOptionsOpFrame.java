package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.Signers;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.state.LedgerTxn;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.SetOptionsOp;
import org.stellar.sdk.xdr.SetOptionsResult;
import org.stellar.sdk.xdr.SetOptionsResultCode;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SignerKeyType;
import org.stellar.sdk.xdr.String32;
import org.stellar.sdk.xdr.Thresholds;
import org.stellar.sdk.xdr.Uint32;

/**
 * SET_OPTIONS: inflation destination, account flags, master weight, thresholds, home domain and one signer
 * to add, re-weigh or remove (weight 0). Checks in stellar-core's order (protocol 17 and later).
 *
 * <p>Without ledger state: unknown flag bits (UNKNOWN_FLAG), a flag both set and cleared (BAD_FLAGS), a
 * weight or threshold above 255 (THRESHOLD_OUT_OF_RANGE), a signer that is the account's own key or weighs
 * more than 255 (BAD_SIGNER), a home domain that is not printable ASCII of at most 32 bytes
 * (INVALID_HOME_DOMAIN).
 *
 * <p>Against the ledger, each field in turn: the inflation destination must exist (INVALID_INFLATION);
 * an account with AUTH_IMMUTABLE may change none of its auth flags (CANT_CHANGE); the resulting flags may not
 * enable clawback without revocability (AUTH_REVOCABLE_REQUIRED, CAP-35); then home domain and thresholds
 * are written, and the signer: a new one needs room (TOO_MANY_SIGNERS at 20, opTOO_MANY_SUBENTRIES at the
 * sub-entry limit) and one more base reserve (LOW_RESERVE). Removing a signer the account does not have
 * succeeds without effect, as in stellar-core.
 *
 * <p>Changing thresholds, the master weight or signers needs the high threshold; anything else the medium.
 */
public final class SetOptionsOpFrame extends OperationFrame {

    /** The account flags protocol 17 knows; any other bit is UNKNOWN_FLAG. */
    static final long ACCOUNT_FLAGS_MASK = Accounts.AUTH_REQUIRED_FLAG | Accounts.AUTH_REVOCABLE_FLAG
            | Accounts.AUTH_IMMUTABLE_FLAG | Accounts.AUTH_CLAWBACK_ENABLED_FLAG;

    /** The flags AUTH_IMMUTABLE freezes: all of them, clawback included since protocol 17. */
    static final long AUTH_FLAGS = ACCOUNT_FLAGS_MASK;

    /** Bytes a home domain may have ({@code string32}). */
    static final int HOME_DOMAIN_BYTES_MAX = 32;

    private final SetOptionsOp op;

    SetOptionsOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.op = operation.getBody().getSetOptionsOp();
    }

    @Override
    public int thresholdLevel() {
        // Who may sign for the account is decided by weights and thresholds, so changing them takes the
        // same authority as the most powerful operation.
        boolean changesSigning = op.getMasterWeight() != null || op.getLowThreshold() != null
                || op.getMedThreshold() != null || op.getHighThreshold() != null || op.getSigner() != null;
        return changesSigning ? Accounts.THRESHOLD_HIGH : Accounts.THRESHOLD_MED;
    }

    @Override
    public OperationResult successResult() {
        return result(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        Long setFlags = value(op.getSetFlags());
        Long clearFlags = value(op.getClearFlags());
        if ((setFlags != null && (setFlags & ~ACCOUNT_FLAGS_MASK) != 0)
                || (clearFlags != null && (clearFlags & ~ACCOUNT_FLAGS_MASK) != 0)) {
            return result(SetOptionsResultCode.SET_OPTIONS_UNKNOWN_FLAG);
        }
        if (setFlags != null && clearFlags != null && (setFlags & clearFlags) != 0) {
            return result(SetOptionsResultCode.SET_OPTIONS_BAD_FLAGS);
        }
        for (Uint32 weight : new Uint32[] {op.getMasterWeight(), op.getLowThreshold(), op.getMedThreshold(),
                op.getHighThreshold()}) {
            if (weight != null && value(weight) > Signers.WEIGHT_MAX) {
                return result(SetOptionsResultCode.SET_OPTIONS_THRESHOLD_OUT_OF_RANGE);
            }
        }
        Signer signer = op.getSigner();
        if (signer != null) {
            boolean isSelf = Signers.same(signer.getKey(), Signers.ed25519(sourceAccount()));
            if (isSelf || value(signer.getWeight()) > Signers.WEIGHT_MAX || payloadTooLong(signer)) {
                return result(SetOptionsResultCode.SET_OPTIONS_BAD_SIGNER);
            }
        }
        String32 homeDomain = op.getHomeDomain();
        if (homeDomain != null
                && !StellarStrings.isValid(homeDomain.getString32().getBytes(), HOME_DOMAIN_BYTES_MAX)) {
            return result(SetOptionsResultCode.SET_OPTIONS_INVALID_HOME_DOMAIN);
        }
        return null;
    }

    /**
     * A signed payload is {@code opaque<64>} in XDR; the SDK's decoder does not enforce that bound, so an
     * envelope stellar-core could not even decode is refused here as a bad signer.
     */
    private static boolean payloadTooLong(Signer signer) {
        return signer.getKey().getDiscriminant() == SignerKeyType.SIGNER_KEY_TYPE_ED25519_SIGNED_PAYLOAD
                && signer.getKey().getEd25519SignedPayload().getPayload().length > Signers.SIGNED_PAYLOAD_BYTES_MAX;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        LedgerEntry sourceEntry = loadSource(ltx);
        AccountEntry account = sourceEntry.getData().getAccount();

        AccountID inflationDest = op.getInflationDest();
        if (inflationDest != null) {
            if (!Accounts.same(inflationDest, sourceAccount()) && !ltx.exists(Accounts.key(inflationDest))) {
                return result(SetOptionsResultCode.SET_OPTIONS_INVALID_INFLATION);
            }
            account.setInflationDest(inflationDest);
        }

        long flags = Accounts.flags(account);
        boolean immutable = (flags & Accounts.AUTH_IMMUTABLE_FLAG) != 0;
        Long clearFlags = value(op.getClearFlags());
        if (clearFlags != null) {
            if (immutable && (clearFlags & AUTH_FLAGS) != 0) {
                return result(SetOptionsResultCode.SET_OPTIONS_CANT_CHANGE);
            }
            flags &= ~clearFlags;
        }
        Long setFlags = value(op.getSetFlags());
        if (setFlags != null) {
            if (immutable && (setFlags & AUTH_FLAGS) != 0) {
                return result(SetOptionsResultCode.SET_OPTIONS_CANT_CHANGE);
            }
            flags |= setFlags;
        }
        if (clearFlags != null || setFlags != null) {
            // Clawback takes assets back from holders, which is a kind of revocation: an issuer that
            // cannot revoke must not be able to claw back (CAP-35).
            boolean clawback = (flags & Accounts.AUTH_CLAWBACK_ENABLED_FLAG) != 0;
            boolean revocable = (flags & Accounts.AUTH_REVOCABLE_FLAG) != 0;
            if (clawback && !revocable) {
                return result(SetOptionsResultCode.SET_OPTIONS_AUTH_REVOCABLE_REQUIRED);
            }
            account.setFlags(Accounts.uint32(flags));
        }

        if (op.getHomeDomain() != null) {
            account.setHomeDomain(op.getHomeDomain());
        }
        byte[] thresholds = account.getThresholds().getThresholds().clone();
        setThreshold(thresholds, Accounts.THRESHOLD_MASTER_WEIGHT, op.getMasterWeight());
        setThreshold(thresholds, Accounts.THRESHOLD_LOW, op.getLowThreshold());
        setThreshold(thresholds, Accounts.THRESHOLD_MED, op.getMedThreshold());
        setThreshold(thresholds, Accounts.THRESHOLD_HIGH, op.getHighThreshold());
        account.setThresholds(new Thresholds(thresholds));

        Signer signer = op.getSigner();
        if (signer != null && value(signer.getWeight()) == 0) {
            // Sponsorship (CAP-33): a sponsored signer's reserve goes back to its sponsor.
            Sponsorship.removeSigner(ltx, ctx, account, signer.getKey());
        } else if (signer != null) {
            OperationResult failed = addOrChangeSigner(ltx, account, signer, ctx);
            if (failed != null) {
                return failed;
            }
        }
        store(ltx, sourceEntry, ctx);
        return result(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
    }

    /** Re-weighs the signer if the account has it, otherwise adds it; {@code null} when that worked. */
    private static OperationResult addOrChangeSigner(LedgerTxn ltx, AccountEntry account, Signer signer,
            LedgerContext ctx) {
        int index = Signers.indexOf(account, signer.getKey());
        if (index >= 0) {
            Signers.of(account)[index].setWeight(signer.getWeight());
            return null;
        }
        if (Signers.of(account).length >= Signers.SIGNERS_MAX) {
            return result(SetOptionsResultCode.SET_OPTIONS_TOO_MANY_SIGNERS);
        }
        Signer added = new Signer();
        added.setKey(signer.getKey());
        added.setWeight(signer.getWeight());
        Signers.insert(account, added);
        // Sponsorship (CAP-33): counts the sub-entry; its reserve is paid by the sponsor of the account's
        // future reserves if the transaction began one, otherwise by the account. On failure the caller drops
        // the changed account.
        return switch (Sponsorship.createSigner(ltx, ctx, account, Signers.indexOf(account, signer.getKey()))) {
            case SUCCESS -> null;
            case TOO_MANY_SUBENTRIES -> outer(OperationResultCode.opTOO_MANY_SUBENTRIES);
            case LOW_RESERVE -> result(SetOptionsResultCode.SET_OPTIONS_LOW_RESERVE);
            case TOO_MANY_SPONSORING -> outer(OperationResultCode.opTOO_MANY_SPONSORING);
            case TOO_MANY_SPONSORED -> throw new IllegalStateException("sponsored reserves beyond the sub-entry limit");
        };
    }

    private static void setThreshold(byte[] thresholds, int which, Uint32 weight) {
        if (weight != null) {
            thresholds[which] = (byte) (long) value(weight);
        }
    }

    private static Long value(Uint32 value) {
        return value == null ? null : value.getUint32().getNumber();
    }

    static OperationResult result(SetOptionsResultCode code) {
        return inner(OperationType.SET_OPTIONS, tr -> {
            SetOptionsResult r = new SetOptionsResult();
            r.setDiscriminant(code);
            tr.setSetOptionsResult(r);
        });
    }
}
