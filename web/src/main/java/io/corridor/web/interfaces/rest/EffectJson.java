package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.EffectRecord;
import io.corridor.ledger.core.history.EffectType;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import org.stellar.sdk.xdr.ClaimPredicate;

/**
 * An effect in Horizon's effect resource shape: links to its operation and to the effects before and after it,
 * {@code id}, {@code paging_token}, {@code account}, {@code type}, {@code type_i}, {@code created_at}, then the
 * fields of its type in the order the ledger derived them (see {@link io.corridor.ledger.core.history.Effects}).
 */
final class EffectJson {

    private EffectJson() {
    }

    static JsonObjectBuilder toJson(EffectRecord record, Links links) {
        String token = record.pagingToken();
        EffectType type = record.effect().type();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("_links", Json.createObjectBuilder()
                        .add("operation", links.link("/operations/" + record.operationId()))
                        .add("succeeds", links.link("/effects?order=desc&cursor=" + token))
                        .add("precedes", links.link("/effects?order=asc&cursor=" + token)))
                .add("id", record.id())
                .add("paging_token", token)
                .add("account", record.effect().account())
                .add("type", type.horizonName())
                .add("type_i", type.code())
                .add("created_at", Times.iso(record.closeTime()));
        for (Map.Entry<String, Object> detail : record.effect().details().entrySet()) {
            Object value = detail.getValue();
            if (value instanceof String text) {
                json.add(detail.getKey(), text);
            } else if (value instanceof Integer number) {
                json.add(detail.getKey(), number);
            } else if (value instanceof Boolean flag) {
                json.add(detail.getKey(), flag);
            } else if (value instanceof ClaimPredicate predicate) {
                json.add(detail.getKey(), ClaimableBalanceJson.predicate(predicate));
            } else {
                throw new IllegalStateException("detail " + detail.getKey() + " of " + type + " cannot be rendered");
            }
        }
        return json;
    }
}
