package io.corridor.web.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.corridor.ledger.application.HistoryFilter;
import io.corridor.ledger.application.PageRequest;
import io.corridor.ledger.core.history.Toid;
import org.junit.jupiter.api.Test;

/**
 * When a request is answered {@code before_history} (410), without a server: the rules of {@link HistoryBounds}
 * for a node whose history starts at ledger {@value #ELDER}, and for one that never pruned (genesis), against
 * Horizon's own rules and wording.
 */
class HistoryBoundsTest {

    private static final int ELDER = 129;
    private static final int GENESIS = 1;
    private static final long ELDER_START = Toid.ledgerStart(ELDER);

    @Test
    void aLedgersHistoryIsGoneBelowTheElderOnly() {
        assertGone(() -> HistoryBounds.checkLedger(ELDER, ELDER - 1));
        assertGone(() -> HistoryBounds.checkLedger(ELDER, 2));
        assertKept(() -> HistoryBounds.checkLedger(ELDER, ELDER));
        assertKept(() -> HistoryBounds.checkLedger(ELDER, Integer.MAX_VALUE));
        assertKept(() -> HistoryBounds.checkLedger(GENESIS, GENESIS));
    }

    @Test
    void aLedgerFilteredPageIsGoneBelowTheElderInEitherOrder() {
        for (boolean ascending : new boolean[] {true, false}) {
            long cursor = ascending ? 0 : Long.MAX_VALUE;
            assertGone(() -> HistoryBounds.within(ELDER, HistoryFilter.forLedger(ELDER - 1),
                    new PageRequest(cursor, ascending, 10)));
            assertKept(() -> HistoryBounds.within(ELDER, HistoryFilter.forLedger(ELDER).payments(),
                    new PageRequest(cursor, ascending, 10)));
        }
    }

    @Test
    void anOperationIdIsGoneWhenItsLedgerIsBelowTheElder() {
        assertGone(() -> HistoryBounds.checkOperation(ELDER, Toid.of(ELDER - 1, 7, 3)));
        assertGone(() -> HistoryBounds.checkOperation(ELDER, 5));
        assertKept(() -> HistoryBounds.checkOperation(ELDER, Toid.of(ELDER, 1, 1)));
        // Horizon measures even ids that never existed: ledger 0 lies before genesis.
        assertGone(() -> HistoryBounds.checkOperation(GENESIS, 5));
        assertKept(() -> HistoryBounds.checkOperation(GENESIS, Toid.of(2, 1, 1)));
        // Not a TOID at all: not found, as before.
        assertKept(() -> HistoryBounds.checkOperation(ELDER, -1));
    }

    @Test
    void aDescendingCursorAtOrBeforeTheElderLedgersFirstToidIsGone() {
        assertGone(() -> page(ELDER_START, false));
        assertGone(() -> page(ELDER_START - 1, false));
        assertGone(() -> page(1, false));
        assertGone(() -> page(0, false));
        assertThat(page(ELDER_START + 1, false).cursor()).isEqualTo(ELDER_START + 1);
        assertThat(page(Long.MAX_VALUE, false).cursor()).as("no cursor, or now").isEqualTo(Long.MAX_VALUE);
        // As on Horizon's own full-history nodes: nothing precedes genesis.
        assertGone(() -> HistoryBounds.within(GENESIS, HistoryFilter.ALL, new PageRequest(1, false, 10)));
        assertKept(() -> HistoryBounds.within(GENESIS, HistoryFilter.ALL,
                new PageRequest(Toid.of(2, 1, 0), false, 10)));
    }

    @Test
    void anAscendingPageIsNeverGoneAndStartsAtTheElder() {
        assertThat(page(0, true)).isEqualTo(new PageRequest(ELDER_START - 1, true, 10));
        assertThat(page(Toid.of(ELDER - 100, 1, 1), true)).isEqualTo(new PageRequest(ELDER_START - 1, true, 10));
        assertThat(page(ELDER_START - 1, true).cursor()).isEqualTo(ELDER_START - 1);
        assertThat(page(ELDER_START, true).cursor()).as("a cursor within history stays").isEqualTo(ELDER_START);
        assertThat(page(Toid.of(ELDER + 5, 2, 1), true).cursor()).isEqualTo(Toid.of(ELDER + 5, 2, 1));
        assertThat(page(Long.MAX_VALUE, true).cursor()).as("now").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anEffectCursorIsMeasuredByItsOperationIdInDescendingOrderOnly() {
        assertGone(() -> effects(ELDER_START + "-2", "desc"));
        assertGone(() -> effects(Long.toString(Toid.of(ELDER - 1, 4, 2)), "desc"));
        assertGone(() -> effects("0", "desc"));
        assertKept(() -> effects((ELDER_START + 1) + "-1", "desc"));
        assertKept(() -> effects(Toid.of(ELDER, 1, 1) + "-3", "desc"));
        assertKept(() -> effects(null, "desc"));
        assertKept(() -> effects("now", "desc"));
        assertKept(() -> effects("0", "asc"));
        assertKept(() -> effects(Toid.of(ELDER - 1, 4, 2) + "-1", null));
    }

    @Test
    void theProblemIsHorizonsBeforeHistory() {
        assertThat(BeforeHistory.STATUS).isEqualTo(410);
        assertThat(BeforeHistory.TYPE).isEqualTo("before_history");
        assertThat(BeforeHistory.TITLE).isEqualTo("Data Requested Is Before Recorded History");
        assertThat(BeforeHistory.DETAIL).isEqualTo("This horizon instance is configured to only track a portion of "
                + "the stellar network's latest history. This request is asking for results prior to the recorded "
                + "history known to this horizon instance.");
        assertThat(new BeforeHistory(ELDER).getStackTrace()).as("an answer, not a fault").isEmpty();
    }

    private static PageRequest page(long cursor, boolean ascending) {
        return HistoryBounds.within(ELDER, HistoryFilter.ALL, new PageRequest(cursor, ascending, 10));
    }

    private static void effects(String cursor, String order) {
        HistoryBounds.checkEffectCursor(ELDER, EffectPages.params(cursor, order, null));
    }

    private static void assertGone(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(BeforeHistory.class);
    }

    private static void assertKept(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatCode(call).doesNotThrowAnyException();
    }
}
