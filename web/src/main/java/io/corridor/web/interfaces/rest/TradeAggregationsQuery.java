package io.corridor.web.interfaces.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parameters of {@code GET /trade_aggregations}: the asset pair (required), the bucket width
 * ({@code resolution}, one of Horizon's six), the buckets' shift ({@code offset}, whole hours below a day and
 * not above the resolution) and the time range ({@code start_time}, {@code end_time}; 0 or absent means
 * open). All times are milliseconds since the Unix epoch.
 */
record TradeAggregationsQuery(MarketAsset base, MarketAsset counter, long resolutionMs, long offsetMs,
        long startTimeMs, long endTimeMs) {

    static final List<Long> RESOLUTIONS_MS = List.of(60_000L, 300_000L, 900_000L, 3_600_000L, 86_400_000L,
            604_800_000L);
    static final long HOUR_MS = 3_600_000L;
    static final long DAY_MS = 86_400_000L;
    static final String RESOLUTION_REASON = "illegal or missing resolution. allowed resolutions are: 1 minute "
            + "(60000), 5 minutes (300000), 15 minutes (900000), 1 hour (3600000), 1 day (86400000) and 1 week "
            + "(604800000)";
    static final String OFFSET_REASON = "illegal or missing offset. offset must be a multiple of an hour, less "
            + "than or equal to the resolution, and less than 24 hours";
    static final String END_TIME_REASON = "illegal end time. adjusted end time must be greater than the offset "
            + "and greater than the provided start time";
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

    TradeAggregationsQuery {
        if (base == null || counter == null || !RESOLUTIONS_MS.contains(resolutionMs) || !validOffset(offsetMs,
                resolutionMs)) {
            throw new IllegalArgumentException("invalid trade aggregation query");
        }
    }

    /**
     * Checked in Horizon's order: the assets, the resolution, the offset, then the time range. As Horizon
     * does, the start is rounded up to the next bucket boundary and the end down to the previous one; an end
     * before the offset or before the rounded start is refused (a start alone never is).
     */
    static TradeAggregationsQuery parse(AssetParam base, AssetParam counter, String resolution, String offset,
            String startTime, String endTime) {
        MarketAsset baseAsset = base.required();
        MarketAsset counterAsset = counter.required();
        long resolutionMs = Params.unsignedLong("resolution", resolution, RESOLUTION_REASON);
        if (!RESOLUTIONS_MS.contains(resolutionMs)) {
            throw new InvalidParameter("resolution", RESOLUTION_REASON);
        }
        long offsetMs = Math.max(0, Params.unsignedLong("offset", offset, OFFSET_REASON));
        if (!validOffset(offsetMs, resolutionMs)) {
            throw new InvalidParameter("offset", OFFSET_REASON);
        }
        long start = millis("start_time", startTime);
        long end = millis("end_time", endTime);
        long adjustedStart = start == 0 ? 0 : start < offsetMs ? offsetMs
                : roundUp("start_time", start - offsetMs, resolutionMs) + offsetMs;
        if (end != 0) {
            if (end < offsetMs) {
                throw new InvalidParameter("end_time", END_TIME_REASON);
            }
            long adjustedEnd = (end - offsetMs) / resolutionMs * resolutionMs + offsetMs;
            if (adjustedEnd < adjustedStart) {
                throw new InvalidParameter("end_time", END_TIME_REASON);
            }
        }
        return new TradeAggregationsQuery(baseAsset, counterAsset, resolutionMs, offsetMs, start, end);
    }

    private static boolean validOffset(long offsetMs, long resolutionMs) {
        return offsetMs >= 0 && offsetMs % HOUR_MS == 0 && offsetMs < DAY_MS && offsetMs <= resolutionMs;
    }

    private static long millis(String field, String value) {
        if (!Params.present(value)) {
            return 0;
        }
        String reason = field + " must be an integer number of milliseconds since the Unix epoch";
        if (!INTEGER.matcher(value).matches()) {
            throw new InvalidParameter(field, reason);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidParameter(field, reason);
        }
    }

    private static long roundUp(String field, long millis, long intervalMs) {
        try {
            long floor = millis / intervalMs * intervalMs;
            return floor == millis ? millis : Math.addExact(floor, intervalMs);
        } catch (ArithmeticException e) {
            throw new InvalidParameter(field, field + " is out of range");
        }
    }

    /** The parameters as the page links repeat them. */
    Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.putAll(base.asParams("base_"));
        filters.putAll(counter.asParams("counter_"));
        filters.put("resolution", Long.toString(resolutionMs));
        if (offsetMs != 0) {
            filters.put("offset", Long.toString(offsetMs));
        }
        if (startTimeMs != 0) {
            filters.put("start_time", Long.toString(startTimeMs));
        }
        if (endTimeMs != 0) {
            filters.put("end_time", Long.toString(endTimeMs));
        }
        return filters;
    }
}
