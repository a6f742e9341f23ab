package io.corridor.web.interfaces.rest;

/**
 * A request for history older than the node keeps ({@link HistoryBounds}). Thrown instead of a {@link Problem} so
 * that the decision stays free of the JAX-RS runtime and can be tested on its own; {@link BeforeHistoryMapper}
 * turns it into Horizon's 410 {@code before_history} problem, whose wording is Horizon's own (SDKs recognise the
 * type). It records no stack trace: it is an answer to the client, not a fault of the node.
 */
public final class BeforeHistory extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final int STATUS = 410;
    static final String TYPE = "before_history";
    static final String TITLE = "Data Requested Is Before Recorded History";
    static final String DETAIL = "This horizon instance is configured to only track a portion of the stellar "
            + "network's latest history. This request is asking for results prior to the recorded history known to "
            + "this horizon instance.";

    /** @param elder the history elder ledger the request was measured against, for logs */
    BeforeHistory(int elder) {
        super("before the history elder ledger " + elder, null, false, false);
    }
}
