package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.HistoryFilter;
import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.application.PageRequest;
import io.corridor.ledger.core.history.Toid;

/**
 * The one place that decides when a request asks for history the node no longer keeps, answered as Horizon does
 * with {@code before_history} (410 Gone): it throws {@link BeforeHistory}, which {@link BeforeHistoryMapper}
 * answers. The bound is the history elder ledger, the lowest ledger whose transactions and operations are kept
 * ({@link LedgerNode#historyElderLedger()}); ledger headers are never pruned, so {@code /ledgers} and
 * {@code /ledgers/{sequence}} always answer. There is no history archive yet to serve older history from.
 *
 * <ul>
 *   <li>A ledger's transactions, operations, payments or effects: gone when the ledger is below the elder.</li>
 *   <li>An operation by id: gone when the ledger of its TOID is below the elder, whether or not it ever
 *       existed, as Horizon answers. A transaction by hash carries no ledger, so a pruned one stays 404.</li>
 *   <li>A collection paged in descending order from a cursor at or before the elder ledger's first TOID: gone
 *       (Horizon's {@code validateCursorWithinHistory}). In ascending order never: as in Horizon, such a page starts
 *       at the oldest record kept, and the query starts at the elder ledger rather than among deleted rows.</li>
 * </ul>
 *
 * The decisions take the elder as a number, so they are plain functions; the overloads taking the node read it
 * once per request.
 */
final class HistoryBounds {

    private HistoryBounds() {
    }

    /** 410 when the transactions and operations of ledger {@code sequence} are no longer kept. */
    static void checkLedger(int elder, int sequence) {
        if (sequence < elder) {
            throw new BeforeHistory(elder);
        }
    }

    static void checkLedger(LedgerNode node, int sequence) {
        checkLedger(node.historyElderLedger(), sequence);
    }

    /** 410 when operation {@code id} (a TOID) belongs to a ledger whose history is no longer kept. */
    static void checkOperation(int elder, long id) {
        // A negative id is no TOID: it finds nothing (404), as before history was bounded.
        if (id >= 0) {
            checkLedger(elder, Toid.ledger(id));
        }
    }

    static void checkOperation(LedgerNode node, long id) {
        checkOperation(node.historyElderLedger(), id);
    }

    /**
     * The page to read from history for {@code page} of the records {@code filter} selects: 410 when the filter's
     * ledger or a descending cursor lies before the elder ledger; an ascending cursor before it moves to just
     * before its first TOID, which selects the same records. The links of the answer keep the cursor as asked.
     */
    static PageRequest within(int elder, HistoryFilter filter, PageRequest page) {
        if (filter.ledger() != null) {
            checkLedger(elder, filter.ledger());
        }
        long elderStart = Toid.ledgerStart(elder);
        if (!page.ascending()) {
            checkDescendingCursor(elder, page.cursor());
            return page;
        }
        if (page.cursor() < elderStart - 1) {
            return new PageRequest(elderStart - 1, true, page.limit());
        }
        return page;
    }

    static PageRequest within(LedgerNode node, HistoryFilter filter, PageRequest page) {
        return within(node.historyElderLedger(), filter, page);
    }

    /**
     * 410 for a descending page of effects whose cursor ({@code <operation id>-<index>}, or an operation id alone)
     * lies at or before the elder ledger's first TOID; no cursor and {@code now} start at the newest effect.
     */
    static void checkEffectCursor(int elder, PageParams page) {
        if (page.ascending() || page.cursor().isEmpty() || page.cursor().equals("now")) {
            return;
        }
        // The parameter check (PageParams.CursorKind.TRADE_ID) let only non-negative longs through.
        long operation = Long.parseLong(page.cursor().split("-", 2)[0]);
        checkDescendingCursor(elder, operation);
    }

    static void checkEffectCursor(LedgerNode node, PageParams page) {
        checkEffectCursor(node.historyElderLedger(), page);
    }

    private static void checkDescendingCursor(int elder, long cursor) {
        if (cursor <= Toid.ledgerStart(elder)) {
            throw new BeforeHistory(elder);
        }
    }
}
