package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Amounts;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.state.EntryKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * {@code /assets}: statistics of every credit asset held in a trust line or a claimable balance of the last
 * closed ledger (holders and balances by authorization state, claimable balances, the issuer's flags), ordered
 * by code then issuer as Horizon orders them, filtered by {@code asset_code} and {@code asset_issuer}. Computed
 * by scanning the trust lines: the listing has no index yet.
 */
@RequestScoped
@Path("/assets")
public class AssetResource {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,12}");
    private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9]{1,12})_(G[A-Z2-7]{55})_(credit_alphanum4|credit_alphanum12)");

    @Inject
    NodeAccess access;

    @Context
    UriInfo uri;

    /** Counts and sums of one asset. */
    private static final class Stat {
        final Asset asset;
        final String code;
        final String issuer;
        long authorized;
        long maintain;
        long unauthorized;
        long authorizedAmount;
        long maintainAmount;
        long unauthorizedAmount;
        int claimableBalances;
        long claimableAmount;

        Stat(Asset asset) {
            this.asset = asset;
            String canonical = AssetJson.canonical(asset);
            this.code = canonical.substring(0, canonical.indexOf(':'));
            this.issuer = canonical.substring(canonical.indexOf(':') + 1);
        }

        String type() {
            return asset.getAlphaNum4() != null ? "credit_alphanum4" : "credit_alphanum12";
        }

        String pagingToken() {
            return code + "_" + issuer + "_" + type();
        }
    }

    @GET
    @Produces(MediaTypes.HAL)
    public String assets(@QueryParam("asset_code") String assetCode, @QueryParam("asset_issuer") String assetIssuer,
            @QueryParam("cursor") String cursor, @QueryParam("order") String order, @QueryParam("limit") String limit) {
        if (Params.present(assetCode) && !CODE.matcher(assetCode).matches()) {
            throw new InvalidParameter("asset_code", "Asset code must be 1-12 alphanumeric characters");
        }
        String issuer = Params.accountId("asset_issuer", assetIssuer);
        PageParams page = PageParams.parse(cursor, order, limit, PageParams.CursorKind.OPAQUE);
        String after = null;
        if (!page.cursor().isEmpty() && !page.cursor().equals("now")) {
            var m = TOKEN.matcher(page.cursor());
            if (!m.matches()) {
                throw new InvalidParameter("cursor", "Cursor must be a paging token of an asset: CODE_ISSUER_TYPE");
            }
            after = m.group(1) + "_" + m.group(2);
        }
        LedgerNode node = access.node();
        Map<String, Stat> stats = new TreeMap<>();
        for (LedgerEntry entry : node.scan(LedgerEntryType.TRUSTLINE, e -> true)) {
            TrustLineEntry line = entry.getData().getTrustLine();
            if (line.getAsset().getAlphaNum4() == null && line.getAsset().getAlphaNum12() == null) {
                continue;
            }
            Asset asset = TrustLines.asset(line.getAsset());
            Stat stat = stats.computeIfAbsent(AssetJson.canonical(asset), k -> new Stat(asset));
            long balance = TrustLines.balance(line);
            if (TrustLines.isAuthorized(line)) {
                stat.authorized++;
                stat.authorizedAmount += balance;
            } else if (TrustLines.isAuthorizedToMaintainLiabilities(line)) {
                stat.maintain++;
                stat.maintainAmount += balance;
            } else {
                stat.unauthorized++;
                stat.unauthorizedAmount += balance;
            }
        }
        for (LedgerEntry entry : node.claimableBalances(null, true, Integer.MAX_VALUE, e -> true)) {
            var balance = entry.getData().getClaimableBalance();
            Asset asset = balance.getAsset();
            if (asset.getAlphaNum4() == null && asset.getAlphaNum12() == null) {
                continue;
            }
            Stat stat = stats.computeIfAbsent(AssetJson.canonical(asset), k -> new Stat(asset));
            stat.claimableBalances++;
            stat.claimableAmount += balance.getAmount().getInt64();
        }
        List<Stat> selected = new ArrayList<>();
        for (Stat stat : stats.values()) {
            if ((Params.present(assetCode) && !stat.code.equals(assetCode)) || (issuer != null && !stat.issuer.equals(issuer))) {
                continue;
            }
            selected.add(stat);
        }
        Comparator<Stat> byCodeThenIssuer = Comparator.comparing((Stat s) -> s.code).thenComparing(s -> s.issuer);
        selected.sort(page.ascending() ? byCodeThenIssuer : byCodeThenIssuer.reversed());
        if (page.cursor().equals("now")) {
            selected.clear();
        } else if (after != null) {
            String position = after;
            selected.removeIf(s -> {
                int c = (s.code + "_" + s.issuer).compareTo(position);
                return page.ascending() ? c <= 0 : c >= 0;
            });
        }
        List<Stat> records = selected.subList(0, Math.min(page.limit(), selected.size()));
        Map<String, String> filters = new LinkedHashMap<>();
        if (Params.present(assetCode)) {
            filters.put("asset_code", assetCode);
        }
        if (issuer != null) {
            filters.put("asset_issuer", issuer);
        }
        return MarketPages.page(new Links(uri), "/assets", filters, page, records,
                stat -> toJson(stat, node.load(EntryKey.account(Accounts.parse(stat.issuer)))
                        .map(e -> e.getData().getAccount()).orElse(null)),
                Stat::pagingToken);
    }

    private static JsonObjectBuilder toJson(Stat stat, AccountEntry issuer) {
        int flags = issuer == null ? 0 : Accounts.flags(issuer);
        String homeDomain = issuer == null || issuer.getHomeDomain() == null ? ""
                : new String(issuer.getHomeDomain().getString32().getBytes(), StandardCharsets.US_ASCII);
        String toml = homeDomain.isEmpty() ? "" : "https://" + homeDomain + "/.well-known/stellar.toml";
        return Json.createObjectBuilder()
                .add("_links", Json.createObjectBuilder().add("toml", Json.createObjectBuilder().add("href", toml)))
                .add("asset_type", stat.type())
                .add("asset_code", stat.code)
                .add("asset_issuer", stat.issuer)
                .add("paging_token", stat.pagingToken())
                .add("num_accounts", stat.authorized)
                .add("num_claimable_balances", stat.claimableBalances)
                .add("num_liquidity_pools", 0)
                .add("num_contracts", 0)
                .add("amount", Amounts.format(stat.authorizedAmount))
                .add("accounts", Json.createObjectBuilder()
                        .add("authorized", stat.authorized)
                        .add("authorized_to_maintain_liabilities", stat.maintain)
                        .add("unauthorized", stat.unauthorized))
                .add("claimable_balances_amount", Amounts.format(stat.claimableAmount))
                .add("liquidity_pools_amount", Amounts.format(0))
                .add("contracts_amount", Amounts.format(0))
                .add("balances", Json.createObjectBuilder()
                        .add("authorized", Amounts.format(stat.authorizedAmount))
                        .add("authorized_to_maintain_liabilities", Amounts.format(stat.maintainAmount))
                        .add("unauthorized", Amounts.format(stat.unauthorizedAmount)))
                .add("flags", Json.createObjectBuilder()
                        .add("auth_required", (flags & Accounts.AUTH_REQUIRED_FLAG) != 0)
                        .add("auth_revocable", (flags & Accounts.AUTH_REVOCABLE_FLAG) != 0)
                        .add("auth_immutable", (flags & Accounts.AUTH_IMMUTABLE_FLAG) != 0)
                        .add("auth_clawback_enabled", (flags & Accounts.AUTH_CLAWBACK_ENABLED_FLAG) != 0));
    }
}
