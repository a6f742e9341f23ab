package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.FeeStats;
import io.corridor.ledger.application.LedgerNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.Locale;

/** {@code GET /fee_stats}: fees of the last few ledgers, every number as a string as in Horizon. */
@RequestScoped
@Path("/fee_stats")
public class FeeStatsResource {

    @Inject
    NodeAccess access;

    @GET
    @Produces(MediaTypes.HAL)
    public String feeStats() {
        LedgerNode node = access.node();
        long baseFee = node.lastHeader().getBaseFee().getUint32().getNumber();
        FeeStats.Snapshot s = access.bean().feeStats().snapshot(node.sequence(), baseFee);
        return Json.createObjectBuilder()
                .add("last_ledger", Integer.toString(s.lastLedger()))
                .add("last_ledger_base_fee", Long.toString(s.lastLedgerBaseFee()))
                .add("ledger_capacity_usage", String.format(Locale.ROOT, "%.2f", s.capacityUsage()))
                .add("fee_charged", distribution(s.feeCharged()))
                .add("max_fee", distribution(s.maxFee()))
                .build().toString();
    }

    private static JsonObjectBuilder distribution(FeeStats.Distribution d) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("max", Long.toString(d.max()))
                .add("min", Long.toString(d.min()))
                .add("mode", Long.toString(d.mode()));
        int[] ps = FeeStats.Distribution.PERCENTILES;
        for (int i = 0; i < ps.length; i++) {
            json.add("p" + ps[i], Long.toString(d.percentiles()[i]));
        }
        return json;
    }
}
