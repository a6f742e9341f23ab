package io.corridor.ledger.application;

/**
 * A place in the effects' total order (operation id, then the effect's 1-based index within the operation),
 * from a paging token {@code <operation id>-<index>}. As in Horizon, a token of the operation id alone stands
 * after all of that operation's effects ({@link #INDEX_AFTER_ALL}), so that paging on from it skips them in
 * ascending order and includes them in descending order.
 */
public record EffectCursor(long operationId, int index) {

    /** An index after every effect of an operation. */
    public static final int INDEX_AFTER_ALL = Integer.MAX_VALUE;

    public static final EffectCursor START = new EffectCursor(0, 0);
    public static final EffectCursor END = new EffectCursor(Long.MAX_VALUE, INDEX_AFTER_ALL);

    public EffectCursor {
        if (operationId < 0 || index < 0) {
            throw new IllegalArgumentException("effect cursor out of range: " + operationId + "-" + index);
        }
    }

    /**
     * The cursor of a paging token: {@code ""} is the start in ascending order and the end in descending order,
     * {@code now} the end, otherwise {@code <operation id>} or {@code <operation id>-<index>} (non-negative
     * integers; an index beyond an {@code int} counts as after all). Throws on anything else.
     */
    public static EffectCursor parse(String token, boolean ascending) {
        if (token == null || token.isEmpty()) {
            return ascending ? START : END;
        }
        if (token.equals("now")) {
            return END;
        }
        String[] parts = token.split("-", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("not an effect paging token: " + token);
        }
        long operation = nonNegative(parts[0], token);
        long index = parts.length == 1 ? INDEX_AFTER_ALL : nonNegative(parts[1], token);
        return new EffectCursor(operation, (int) Math.min(index, INDEX_AFTER_ALL));
    }

    private static long nonNegative(String digits, String token) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not an effect paging token: " + token);
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an effect paging token: " + token, e);
        }
    }

    /** Whether the effect at ({@code operationId}, {@code index}) comes after this cursor in the given order. */
    public boolean precedes(long otherOperationId, int otherIndex, boolean ascending) {
        int compared = otherOperationId != operationId ? Long.compare(otherOperationId, operationId)
                : Integer.compare(otherIndex, index);
        return ascending ? compared > 0 : compared < 0;
    }
}
