package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.LedgerNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.stellar.sdk.xdr.LedgerEntry;

/** Horizon's timestamps: ISO-8601 UTC to the second, e.g. {@code 2026-11-21T20:44:00Z}. */
final class Times {

    private Times() {
    }

    static String iso(long epochSeconds) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(epochSeconds));
    }

    /**
     * Close time (epoch seconds) of the ledger that last modified {@code entry}, Horizon's
     * {@code last_modified_time}; null if that ledger's header is not stored.
     */
    static Long lastModified(LedgerNode node, LedgerEntry entry) {
        int modified = (int) (long) entry.getLastModifiedLedgerSeq().getUint32().getNumber();
        return node.header(modified)
                .map(h -> h.getScpValue().getCloseTime().getTimePoint().getUint64().getNumber().longValue())
                .orElse(null);
    }

    /** {@link #lastModified} for the records of one page: each ledger's close time is read once. */
    static java.util.function.Function<LedgerEntry, Long> lastModifiedLookup(LedgerNode node) {
        java.util.Map<Integer, java.util.Optional<Long>> closeTimes = new java.util.HashMap<>();
        return entry -> closeTimes.computeIfAbsent(
                (int) (long) entry.getLastModifiedLedgerSeq().getUint32().getNumber(),
                sequence -> java.util.Optional.ofNullable(lastModified(node, entry))).orElse(null);
    }
}
