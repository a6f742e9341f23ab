package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.HistoryFilter;
import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.application.OperationRecord;
import io.corridor.ledger.application.PageRequest;
import io.corridor.ledger.application.TransactionRecord;

/**
 * The transaction and operation collections every resource offers (all, per account, ledger, transaction). Pages
 * ask {@link HistoryBounds} first, so history the node no longer keeps is answered {@code before_history} here for
 * all of them; streams start after their cursor and page forward, which never asks for that.
 */
final class HistoryPages {

    private HistoryPages() {
    }

    static String transactions(LedgerNode node, Links links, String path, HistoryFilter filter, PageRequest page) {
        byte[] networkId = node.profile().networkId();
        PageRequest query = HistoryBounds.within(node, filter, page);
        return Paging.page(links, path, page, node.history().transactions(filter, query),
                r -> TransactionJson.toJson(r, networkId, links),
                (TransactionRecord r) -> TransactionJson.pagingToken(r.ledger(), r.applicationOrder()));
    }

    static Streams.Source<TransactionRecord> transactionSource(LedgerNode node, Links links, HistoryFilter filter) {
        byte[] networkId = node.profile().networkId();
        return new Streams.Source<>(page -> node.history().transactions(filter, page),
                r -> TransactionJson.toJson(r, networkId, links),
                r -> TransactionJson.pagingToken(r.ledger(), r.applicationOrder()));
    }

    static Streams.Source<OperationRecord> operationSource(LedgerNode node, Links links, HistoryFilter filter) {
        return new Streams.Source<>(page -> node.history().operations(filter, page),
                r -> OperationJson.toJson(r, links), OperationRecord::id);
    }

    static String operations(LedgerNode node, Links links, String path, HistoryFilter filter, PageRequest page) {
        PageRequest query = HistoryBounds.within(node, filter, page);
        return Paging.page(links, path, page, node.history().operations(filter, query),
                r -> OperationJson.toJson(r, links), r -> r.id());
    }
}
