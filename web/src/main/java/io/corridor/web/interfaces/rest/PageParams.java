package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.PageRequest;
import java.util.regex.Pattern;

/**
 * Horizon's paging parameters of the market collections: {@code cursor}, {@code order} ({@code asc} or
 * {@code desc}) and {@code limit} (1–200, default 10), with the same rules and reasons as {@link Paging}.
 * Unlike {@link Paging}, whose cursors are history TOIDs, the cursor stays the client's string: offers page
 * by offer id, trades by {@code <operation id>-<index>}, liquidity pools by their opaque id. The cursor is
 * empty when none was given.
 */
record PageParams(String cursor, boolean ascending, int limit) {

    /** What a collection's paging tokens look like. */
    enum CursorKind {
        /** A non-negative integer (offer ids), or {@code now}. */
        ID,
        /** A non-negative integer, or two joined by {@code -} (trade ids), or {@code now}. */
        TRADE_ID,
        /** Any string (liquidity pool ids); Horizon does not check these cursors. */
        OPAQUE
    }

    private static final Pattern ID = Pattern.compile("[0-9]{1,19}");
    private static final Pattern TRADE_ID = Pattern.compile("[0-9]{1,19}(-[0-9]{1,19})?");

    PageParams {
        if (cursor == null) {
            throw new IllegalArgumentException("cursor must not be null");
        }
        if (limit < 1 || limit > PageRequest.LIMIT_MAX) {
            throw new IllegalArgumentException("limit out of range: " + limit);
        }
    }

    static PageParams parse(String cursor, String order, String limit, CursorKind kind) {
        boolean ascending;
        if (!Params.present(order) || order.equals("asc")) {
            ascending = true;
        } else if (order.equals("desc")) {
            ascending = false;
        } else {
            throw new InvalidParameter("order", "order must be asc or desc");
        }
        int size = limit(limit, PageRequest.LIMIT_DEFAULT, PageRequest.LIMIT_MAX);
        String position = Params.present(cursor) ? cursor : "";
        if (!position.isEmpty() && !position.equals("now")) {
            switch (kind) {
                case ID -> check(position, ID, "a non-negative integer");
                case TRADE_ID -> check(position, TRADE_ID, "a non-negative integer, or two joined by '-'");
                case OPAQUE -> {
                    // Any cursor: an unknown one simply finds nothing.
                }
            }
        }
        return new PageParams(position, ascending, size);
    }

    /** A {@code limit} from 1 to {@code max}, {@code fallback} when absent. */
    static int limit(String value, int fallback, int max) {
        if (!Params.present(value)) {
            return fallback;
        }
        int size;
        try {
            size = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > max) {
            throw new InvalidParameter("limit", "limit must be between 1 and " + max);
        }
        return size;
    }

    private static void check(String cursor, Pattern pattern, String what) {
        boolean valid = pattern.matcher(cursor).matches();
        if (valid) {
            for (String part : cursor.split("-")) {
                try {
                    Long.parseLong(part);
                } catch (NumberFormatException e) {
                    valid = false;
                }
            }
        }
        if (!valid) {
            throw new InvalidParameter("cursor", "cursor must be a paging token (" + what + ") or now");
        }
    }

    String order() {
        return ascending ? "asc" : "desc";
    }

    String reverseOrder() {
        return ascending ? "desc" : "asc";
    }
}
