package io.corridor.ledger.application;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.history.Effect;
import io.corridor.ledger.core.history.Effects;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stellar.sdk.xdr.LedgerEntryChanges;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationMeta;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.TransactionMeta;

/**
 * Horizon's effects, read from history: nothing about them is stored, they are derived from the stored
 * operations (operation, result) and their transactions' metadata (the operation's entry changes) page by page.
 * Effects are ordered by operation id, then by their index within the operation; only operations of
 * successful transactions have any.
 *
 * <p>A page reads operations in batches until it holds {@code limit} effects or history runs out. An account's
 * effects are those whose {@code account} is the account, found among the operations it took part in
 * ({@link io.corridor.ledger.core.history.Participants} counts every account an operation's effects concern). A
 * page reads at most {@link #OPERATIONS_SCANNED_MAX} operations; an account that took part in that many in a row
 * without an effect of its own gets a short page, and the next page carries on from where it stopped.
 */
public final class EffectHistory {

    /** Operations one page may read, a bound on the work of one request. */
    public static final int OPERATIONS_SCANNED_MAX = 10_000;

    private final LedgerHistory history;

    public EffectHistory(LedgerHistory history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    /**
     * Effects after {@code cursor} in the given order, at most {@code limit}, of the operations {@code filter}
     * selects ({@code paymentsOnly} and {@code includeFailed} are ignored); with an {@code account}, only the
     * effects that concern it.
     */
    public List<EffectRecord> page(HistoryFilter filter, String account, EffectCursor cursor, boolean ascending,
            int limit) {
        checkLimit(limit);
        HistoryFilter successful = new HistoryFilter(filter.account(), filter.ledger(), filter.transactionHash(),
                false, false);
        List<EffectRecord> page = new ArrayList<>();
        long operationCursor = firstOperationCursor(cursor, ascending);
        int batch = limit;
        int scanned = 0;
        while (page.size() < limit && scanned < OPERATIONS_SCANNED_MAX) {
            int size = Math.min(batch, OPERATIONS_SCANNED_MAX - scanned);
            List<OperationRecord> operations = history.operations(successful,
                    new PageRequest(operationCursor, ascending, size));
            Map<String, OperationMeta[]> metas = metas(operations);
            for (OperationRecord operation : operations) {
                collect(operation, metas.get(operation.transactionHash()), account, cursor, ascending, limit, page);
                if (page.size() == limit) {
                    return page;
                }
            }
            scanned += operations.size();
            if (operations.size() < size) {
                return page;
            }
            operationCursor = operations.get(operations.size() - 1).id();
            // Effects are sparser than expected (an account's among others'): read on in larger batches.
            batch = PageRequest.LIMIT_MAX;
        }
        return page;
    }

    /** The effects of one operation after {@code cursor}, at most {@code limit}; none if there is no such operation. */
    public List<EffectRecord> ofOperation(long operationId, EffectCursor cursor, boolean ascending, int limit) {
        checkLimit(limit);
        List<EffectRecord> page = new ArrayList<>();
        Optional<OperationRecord> operation = history.operation(operationId);
        if (operation.isPresent()) {
            collect(operation.get(), metas(List.of(operation.get())).get(operation.get().transactionHash()), null,
                    cursor, ascending, limit, page);
        }
        return page;
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > PageRequest.LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be between 1 and " + PageRequest.LIMIT_MAX + ", was "
                    + limit);
        }
    }

    /** The exclusive operation cursor from which the operations holding effects after {@code cursor} are read. */
    private static long firstOperationCursor(EffectCursor cursor, boolean ascending) {
        long operation = cursor.operationId();
        if (ascending) {
            // The cursor's own operation still has effects after it unless the cursor is past all of them.
            return cursor.index() == EffectCursor.INDEX_AFTER_ALL ? operation : Math.max(operation - 1, 0);
        }
        return cursor.index() == 0 || operation == Long.MAX_VALUE ? operation : operation + 1;
    }

    /** Adds {@code operation}'s effects that lie after {@code cursor} (and concern {@code account}) to {@code page}. */
    private static void collect(OperationRecord operation, OperationMeta[] metas, String account, EffectCursor cursor,
            boolean ascending, int limit, List<EffectRecord> page) {
        if (!operation.transactionSuccessful()) {
            return;
        }
        List<Effect> effects = derive(operation, metas);
        for (int i = 0; i < effects.size() && page.size() < limit; i++) {
            int position = ascending ? i : effects.size() - 1 - i;
            int index = position + 1;
            Effect effect = effects.get(position);
            if (cursor.precedes(operation.id(), index, ascending)
                    && (account == null || account.equals(effect.account()))) {
                page.add(new EffectRecord(operation.id(), index, operation.transactionHash(), operation.ledger(),
                        operation.closeTime(), effect));
            }
        }
    }

    private static List<Effect> derive(OperationRecord record, OperationMeta[] metas) {
        if (metas == null || record.index() >= metas.length) {
            throw new IllegalStateException("no metadata for operation " + record.id() + " of transaction "
                    + record.transactionHash());
        }
        Operation operation = decode(record.operationXdr(), Operation::decode);
        OperationResult result = record.resultXdr() == null ? null
                : decode(record.resultXdr(), OperationResult::decode);
        LedgerEntryChanges changes = metas[record.index()].getChanges();
        return Effects.of(operation, Accounts.parse(record.sourceAccount()), result, changes);
    }

    /** The operations' metadata by transaction hash, read with one query. */
    private Map<String, OperationMeta[]> metas(List<OperationRecord> operations) {
        Set<String> hashes = new LinkedHashSet<>();
        for (OperationRecord operation : operations) {
            if (operation.transactionSuccessful()) {
                hashes.add(operation.transactionHash());
            }
        }
        Map<String, OperationMeta[]> metas = new HashMap<>();
        if (hashes.isEmpty()) {
            return metas;
        }
        for (TransactionRecord transaction : history.transactionsByHash(hashes)) {
            metas.put(transaction.hash(), operationMetas(decode(transaction.resultMetaXdr(), TransactionMeta::decode)));
        }
        return metas;
    }

    private static OperationMeta[] operationMetas(TransactionMeta meta) {
        return switch (meta.getDiscriminant()) {
            case 1 -> meta.getV1().getOperations();
            case 2 -> meta.getV2().getOperations();
            case 3 -> meta.getV3().getOperations();
            default -> throw new IllegalStateException("transaction meta v" + meta.getDiscriminant()
                    + " has no operations");
        };
    }

    private static <T> T decode(String base64, Xdr.Decoder<T> decoder) {
        return Xdr.decodeTrusted(Base64.getDecoder().decode(base64), decoder);
    }
}
