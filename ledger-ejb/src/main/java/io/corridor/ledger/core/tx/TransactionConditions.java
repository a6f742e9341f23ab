package io.corridor.ledger.core.tx;

import io.corridor.ledger.core.AccountExtensions;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.Signers;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.LedgerBounds;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.PreconditionType;
import org.stellar.sdk.xdr.PreconditionsV2;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SignerKey;
import org.stellar.sdk.xdr.SignerKeyType;
import org.stellar.sdk.xdr.TimeBounds;
import org.stellar.sdk.xdr.Transaction;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * A transaction's preconditions (CAP-21) and the shape checks stellar-core makes before it looks at any
 * account ({@code TransactionFrame::commonValidPreSeqNum}, {@code isTooEarly}, {@code isTooLate},
 * {@code isTooEarlyForAccount}, {@code checkExtraSigners}). Each check returns the result code it fails
 * with, or {@code null}; {@link TransactionProcessor} calls them in stellar-core's order.
 *
 * <p>Soroban: this is a classic-only network. A transaction that carries a Soroban operation is rejected as
 * stellar-core rejects one where Soroban is not enabled ({@code txMALFORMED}, before its operations are
 * looked at), and so is one that mixes Soroban and classic operations or a classic transaction with Soroban
 * resources attached (transaction extension v1); {@code txSOROBAN_INVALID} is for Soroban transactions whose
 * resources a Soroban-enabled network finds wrong, which cannot arise here.
 */
final class TransactionConditions {

    /** Extra signers a transaction may require: the XDR bound of {@code PreconditionsV2.extraSigners}. */
    static final int EXTRA_SIGNERS_MAX = 2;

    private TransactionConditions() {
    }

    private static PreconditionsV2 v2(Transaction tx) {
        return tx.getCond().getDiscriminant() == PreconditionType.PRECOND_V2 ? tx.getCond().getV2() : null;
    }

    private static SignerKey[] extraSignerKeys(Transaction tx) {
        PreconditionsV2 v2 = v2(tx);
        return v2 == null || v2.getExtraSigners() == null ? new SignerKey[0] : v2.getExtraSigners();
    }

    /**
     * {@code txMALFORMED} when the extra signers are malformed: the same key twice, or a signed-payload key
     * with an empty payload.
     */
    static TransactionResultCode checkExtraSignersShape(Transaction tx) {
        SignerKey[] keys = extraSignerKeys(tx);
        if (keys.length > EXTRA_SIGNERS_MAX) {
            return TransactionResultCode.txMALFORMED;
        }
        if (keys.length == 2 && Signers.same(keys[0], keys[1])) {
            return TransactionResultCode.txMALFORMED;
        }
        for (SignerKey key : keys) {
            if (key.getDiscriminant() == SignerKeyType.SIGNER_KEY_TYPE_ED25519_SIGNED_PAYLOAD
                    && key.getEd25519SignedPayload().getPayload().length == 0) {
                return TransactionResultCode.txMALFORMED;
            }
        }
        return null;
    }

    /** The extra signers as signers of weight 1 each; all of them must be satisfied. */
    static List<Signer> extraSigners(Transaction tx) {
        List<Signer> signers = new ArrayList<>();
        for (SignerKey key : extraSignerKeys(tx)) {
            signers.add(SignatureChecker.signer(key, 1));
        }
        return signers;
    }

    static boolean isSorobanOperation(Operation operation) {
        OperationType type = operation.getBody().getDiscriminant();
        return type == OperationType.INVOKE_HOST_FUNCTION || type == OperationType.EXTEND_FOOTPRINT_TTL
                || type == OperationType.RESTORE_FOOTPRINT;
    }

    /**
     * {@code txMALFORMED} for anything Soroban on this classic-only network: Soroban operations, alone or mixed
     * with classic ones, and Soroban resources (transaction extension v1) on a classic transaction.
     */
    static TransactionResultCode checkClassicOnly(Transaction tx) {
        Operation[] operations = tx.getOperations() == null ? new Operation[0] : tx.getOperations();
        for (Operation operation : operations) {
            if (isSorobanOperation(operation)) {
                return TransactionResultCode.txMALFORMED;
            }
        }
        if (tx.getExt() != null && tx.getExt().getDiscriminant() != 0) {
            return TransactionResultCode.txMALFORMED;
        }
        return null;
    }

    /**
     * Time and ledger bounds against the ledger being built: {@code txTOO_EARLY} if the close time is before
     * {@code minTime} or the ledger before {@code minLedger}; otherwise {@code txTOO_LATE} if the close time is
     * after a non-zero {@code maxTime} or the ledger at or after a non-zero {@code maxLedger} (the ledger bound
     * is exclusive, the time bound inclusive). Too early is decided before too late, as stellar-core does.
     */
    static TransactionResultCode checkBounds(Transaction tx, LedgerContext ctx) {
        TimeBounds timeBounds = null;
        LedgerBounds ledgerBounds = null;
        if (tx.getCond().getDiscriminant() == PreconditionType.PRECOND_TIME) {
            timeBounds = tx.getCond().getTimeBounds();
        } else if (tx.getCond().getDiscriminant() == PreconditionType.PRECOND_V2) {
            timeBounds = tx.getCond().getV2().getTimeBounds();
            ledgerBounds = tx.getCond().getV2().getLedgerBounds();
        }
        BigInteger closeTime = BigInteger.valueOf(ctx.closeTime());
        long ledgerSeq = ctx.ledgerSeq();
        if (timeBounds != null && timeBounds.getMinTime().getTimePoint().getUint64().getNumber().compareTo(closeTime) > 0) {
            return TransactionResultCode.txTOO_EARLY;
        }
        if (ledgerBounds != null && ledgerBounds.getMinLedger().getUint32().getNumber() > ledgerSeq) {
            return TransactionResultCode.txTOO_EARLY;
        }
        if (timeBounds != null) {
            BigInteger max = timeBounds.getMaxTime().getTimePoint().getUint64().getNumber();
            if (max.signum() != 0 && max.compareTo(closeTime) < 0) {
                return TransactionResultCode.txTOO_LATE;
            }
        }
        if (ledgerBounds != null) {
            long max = ledgerBounds.getMaxLedger().getUint32().getNumber();
            if (max != 0 && max <= ledgerSeq) {
                return TransactionResultCode.txTOO_LATE;
            }
        }
        return null;
    }

    /**
     * {@code txBAD_MIN_SEQ_AGE_OR_GAP} unless at least {@code minSeqAge} seconds and {@code minSeqLedgerGap}
     * ledgers passed since the source account's sequence number last changed (its extension v3 stamp, 0 for an
     * account that has none). Every transaction is checked, with 0 for a missing precondition, as
     * stellar-core's {@code isTooEarlyForAccount}; all quantities are unsigned.
     */
    static TransactionResultCode checkMinSeqAgeAndGap(Transaction tx, AccountEntry source, LedgerContext ctx) {
        PreconditionsV2 v2 = v2(tx);
        BigInteger minSeqAge = v2 == null ? BigInteger.ZERO : v2.getMinSeqAge().getDuration().getUint64().getNumber();
        long minSeqLedgerGap = v2 == null ? 0 : v2.getMinSeqLedgerGap().getUint32().getNumber();
        BigInteger closeTime = BigInteger.valueOf(ctx.closeTime());
        if (minSeqAge.compareTo(closeTime) > 0
                || closeTime.subtract(minSeqAge).compareTo(AccountExtensions.seqTime(source)) < 0) {
            return TransactionResultCode.txBAD_MIN_SEQ_AGE_OR_GAP;
        }
        long ledgerSeq = ctx.ledgerSeq();
        if (minSeqLedgerGap > ledgerSeq || ledgerSeq - minSeqLedgerGap < AccountExtensions.seqLedger(source)) {
            return TransactionResultCode.txBAD_MIN_SEQ_AGE_OR_GAP;
        }
        return null;
    }
}
