package io.corridor.consensus.overlay;

import java.util.Optional;

/**
 * The kinds of application messages the overlay carries. The codes are a wire contract: never renumber,
 * only append. Flood kinds are de-duplicated and meant to be relayed; {@link #TRANSACTION} is the only
 * low-priority kind, so it is the first to be dropped when a peer's queue is full.
 */
public enum MessageKind {
    TRANSACTION(1, true, false),
    SCP_MESSAGE(2, true, true),
    GET_TX_SET(3, false, true),
    TX_SET(4, false, true),
    GET_QUORUM_SET(5, false, true),
    QUORUM_SET(6, false, true),
    GET_LEDGERS(7, false, true),
    LEDGERS(8, false, true),
    GET_SCP_STATE(9, false, true),
    DONT_HAVE(10, false, true);

    private static final MessageKind[] BY_CODE = new MessageKind[256];

    static {
        for (MessageKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final int code;
    private final boolean floods;
    private final boolean highPriority;

    MessageKind(int code, boolean floods, boolean highPriority) {
        this.code = code;
        this.floods = floods;
        this.highPriority = highPriority;
    }

    /** The one-byte wire code (1..127; codes from 0xF0 are the overlay's own control frames). */
    public int code() {
        return code;
    }

    /** Whether messages of this kind are flooded: de-duplicated on receipt and relayed by the host. */
    public boolean floods() {
        return floods;
    }

    /** Whether this kind is queued ahead of low-priority kinds and is never dropped in their favour. */
    public boolean highPriority() {
        return highPriority;
    }

    /** The kind with this wire code, or empty for an unknown code. */
    public static Optional<MessageKind> fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }
}
