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

    private static final Map<String, String> INNER_EXCEPTIONS = Map.ofEntries(
            Map.entry("CREATE_ACCOUNT_ALREADY_EXIST", "op_already_exists"),
            Map.entry("ACCOUNT_MERGE_SEQNUM_TOO_FAR", "op_seq_num_too_far"),
            Map.entry("PATH_PAYMENT_STRICT_RECEIVE_OVER_SENDMAX", "op_over_source_max"),
            Map.entry("PATH_PAYMENT_STRICT_SEND_UNDER_DESTMIN", "op_under_dest_min"),
            Map.entry("MANAGE_DATA_NAME_NOT_FOUND", "op_data_name_not_found"),
            Map.entry("MANAGE_DATA_INVALID_NAME", "op_data_invalid_name"),
            Map.entry("CHANGE_TRUST_NOT_AUTH_MAINTAIN_LIABILITIES", "op_not_aut_maintain_liabilities"),
            Map.entry("ALLOW_TRUST_NO_TRUST_LINE", "op_no_trust"),
            Map.entry("ALLOW_TRUST_TRUST_NOT_REQUIRED", "op_not_required"),
            Map.entry("SET_TRUST_LINE_FLAGS_NO_TRUST_LINE", "op_no_trust"));

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
        Enum<?> code = io.corridor.ledger.core.op.OperationResults.innerCode(result);
        String name = code.name();
        if (io.corridor.ledger.core.op.OperationResults.innerValue(result) == 0) {
            return "op_success";
        }
        String special = INNER_EXCEPTIONS.get(name);
        if (special != null) {
            return special;
        }
        return "op_" + name.substring(commonPrefix(code.getDeclaringClass()).length()).toLowerCase(Locale.ROOT);
    }

    /** The prefix all codes of one result enum share ({@code PAYMENT_}, {@code MANAGE_SELL_OFFER_}). */
    private static String commonPrefix(Class<?> enumClass) {
        Object[] constants = enumClass.getEnumConstants();
        String prefix = ((Enum<?>) constants[0]).name();
        for (Object constant : constants) {
            String name = ((Enum<?>) constant).name();
            int i = 0;
            while (i < prefix.length() && i < name.length() && prefix.charAt(i) == name.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        return prefix.substring(0, prefix.lastIndexOf('_') + 1);
    }

    /** The operation type as Horizon names it ({@code create_account}, {@code payment}). */
    public static String operationType(OperationType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
