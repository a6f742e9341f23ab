package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.LedgerRecord;
import io.corridor.ledger.core.Amounts;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.history.Toid;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Base64;
import org.stellar.sdk.xdr.LedgerHeader;

/** A closed ledger in Horizon's ledger resource shape. */
final class LedgerJson {

    private LedgerJson() {
    }

    static long pagingToken(LedgerRecord ledger) {
        return Toid.of(ledger.sequence(), 0, 0);
    }

    static JsonObjectBuilder toJson(LedgerRecord ledger, Links links) {
        LedgerHeader header = Xdr.decodeTrusted(Base64.getDecoder().decode(ledger.headerXdr()), LedgerHeader::decode);
        String path = "/ledgers/" + ledger.sequence();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("_links", Json.createObjectBuilder()
                        .add("self", links.link(path))
                        .add("transactions", links.templated(path + "/transactions{?cursor,limit,order}"))
                        .add("operations", links.templated(path + "/operations{?cursor,limit,order}"))
                        .add("payments", links.templated(path + "/payments{?cursor,limit,order}"))
                        .add("effects", links.templated(path + "/effects{?cursor,limit,order}")))
                .add("id", ledger.hash())
                .add("paging_token", Long.toString(pagingToken(ledger)))
                .add("hash", ledger.hash());
        if (ledger.sequence() > 1) {
            json.add("prev_hash", ledger.previousHash());
        }
        return json
                .add("sequence", ledger.sequence())
                .add("successful_transaction_count", ledger.successfulTransactionCount())
                .add("failed_transaction_count", ledger.failedTransactionCount())
                .add("operation_count", ledger.operationCount())
                .add("tx_set_operation_count", ledger.operationCount())
                .add("closed_at", Times.iso(ledger.closeTime()))
                .add("total_coins", Amounts.format(header.getTotalCoins().getInt64()))
                .add("fee_pool", Amounts.format(header.getFeePool().getInt64()))
                .add("base_fee_in_stroops", header.getBaseFee().getUint32().getNumber())
                .add("base_reserve_in_stroops", header.getBaseReserve().getUint32().getNumber())
                .add("max_tx_set_size", header.getMaxTxSetSize().getUint32().getNumber())
                .add("protocol_version", header.getLedgerVersion().getUint32().getNumber())
                .add("header_xdr", ledger.headerXdr());
    }
}
