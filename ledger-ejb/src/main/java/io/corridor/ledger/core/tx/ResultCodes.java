package io.corridor.ledger.core.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.TransactionResult;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * The result-code strings Horizon reports in {@code extras.result_codes} ({@code tx_bad_seq},
 * {@code op_underfunded}, ...), which wallets and the SDKs match on. Mostly the XDR names in snake case,
 * with Horizon's historical exceptions spelled out.
 */
public final class ResultCodes {

    private static final Map<TransactionResultCode, String> TX_EXCEPTIONS = Map.of(
            TransactionResultCode.txNO_ACCOUNT, "tx_no_source_account",
            TransactionResultCode.txBAD_MIN_SEQ_AGE_OR_GAP, "tx_bad_minseq_age_or_gap");

    private static final Map<OperationResultCode, String> OP_OUTER = Map.of(
            OperationResultCode.opBAD_AUTH, "op_bad_auth",
            OperationResultCode.opNO_ACCOUNT, "op_no_source_account",
            OperationResultCode.opNOT_SUPPORTED, "op_not_supported",
            OperationResultCode.opTOO_MANY_SUBENTRIES, "op_too_many_subentries",
            OperationResultCode.opEXCEEDED_WORK_LIMIT, "op_exceeded_work_limit",
            OperationResultCode.opTOO_MANY_SPONSORING, "op_too_many_sponsoring");

    private static final Map<String, String> INNER_EXCEPTIONS = Map.of(
            "CREATE_ACCOUNT_ALREADY_EXIST", "op_already_exists");

    private ResultCodes() {
    }

    public static String transaction(TransactionResultCode code) {
        String special = TX_EXCEPTIONS.get(code);
        if (special != null) {
            return special;
        }
        return "tx_" + code.name().substring(2).toLowerCase(Locale.ROOT);
    }

    /** The transaction code, looking through a fee bump to the inner transaction as Horizon does. */
    public static String transaction(TransactionResult result) {
        return transaction(result.getResult().getDiscriminant());
    }

    /** Operation codes of a result, or an empty list when the transaction failed before its operations. */
    public static List<String> operations(TransactionResult result) {
        OperationResult[] results = switch (result.getResult().getDiscriminant()) {
            case txSUCCESS, txFAILED -> result.getResult().getResults();
            case txFEE_BUMP_INNER_SUCCESS, txFEE_BUMP_INNER_FAILED ->
                    result.getResult().getInnerResultPair().getResult().getResult().getResults();
            default -> null;
        };
        List<String> codes = new ArrayList<>();
        if (results != null) {
            for (OperationResult r : results) {
                codes.add(operation(r));
            }
        }
        return codes;
    }

    public static String operation(OperationResult result) {
        if (result.getDiscriminant() != OperationResultCode.opINNER) {
            return OP_OUTER.getOrDefault(result.getDiscriminant(),
                    result.getDiscriminant().name().replaceFirst("^op", "op_").toLowerCase(Locale.ROOT));
        }
        OperationResult.OperationResultTr tr = result.getTr();
        String name = switch (tr.getDiscriminant()) {
            case CREATE_ACCOUNT -> tr.getCreateAccountResult().getDiscriminant().name();
            case PAYMENT -> tr.getPaymentResult().getDiscriminant().name();
            default -> null;
        };
        if (name == null) {
            return "op_inner";
        }
        String special = INNER_EXCEPTIONS.get(name);
        if (special != null) {
            return special;
        }
        String prefix = tr.getDiscriminant().name() + "_";
        return "op_" + name.substring(name.startsWith(prefix) ? prefix.length() : 0).toLowerCase(Locale.ROOT);
    }

    /** The operation type as Horizon names it ({@code create_account}, {@code payment}). */
    public static String operationType(OperationType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
