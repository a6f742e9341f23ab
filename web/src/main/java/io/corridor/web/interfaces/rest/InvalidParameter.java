package io.corridor.web.interfaces.rest;

/**
 * A request parameter that is missing or malformed: which one ({@code field}, reported to the client as
 * Horizon's {@code extras.invalid_field}) and why ({@code extras.reason}). The parameter parsers throw it
 * instead of a {@link Problem} so that they stay free of the JAX-RS runtime and can be tested on their own;
 * {@link InvalidParameterMapper} turns it into Horizon's 400 problem. It records no stack trace: it is an
 * answer to the client, not a fault of the node.
 */
public final class InvalidParameter extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String field;
    private final String reason;

    InvalidParameter(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    /** The parameter as the client named it; several joined by commas when only their combination is wrong. */
    String field() {
        return field;
    }

    String reason() {
        return reason;
    }
}
