package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.ClaimableBalances;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.state.EntryKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.stellar.sdk.xdr.ClaimableBalanceEntry;
import org.stellar.sdk.xdr.ClaimableBalanceID;
import org.stellar.sdk.xdr.Claimant;
import org.stellar.sdk.xdr.LedgerEntry;

/**
 * {@code /claimable_balances}: the last closed ledger's claimable balances, filtered by {@code sponsor},
 * {@code asset} ({@code native} or {@code CODE:ISSUER}) and {@code claimant}, paged in balance-id order (the
 * paging token is the balance id).
 */
@RequestScoped
@Path("/claimable_balances")
public class ClaimableBalanceResource {

    static final String ID_REASON = "Claimable balance ID must be the hex of a ClaimableBalanceID (72 hex characters)";
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{72}");

    @Inject
    NodeAccess access;

    @Context
    UriInfo uri;

    @GET
    @Path("/{id}")
    @Produces(MediaTypes.HAL)
    public String balance(@PathParam("id") String id) {
        EntryKey key = ClaimableBalances.key(parseId("id", id));
        LedgerNode node = access.node();
        LedgerEntry entry = node.load(key).orElseThrow(Problem::notFound);
        return ClaimableBalanceJson.toJson(entry, Times.lastModified(node, entry), new Links(uri)).build().toString();
    }

    @GET
    @Produces(MediaTypes.HAL)
    public String balances(@QueryParam("sponsor") String sponsor, @QueryParam("asset") String asset,
            @QueryParam("claimant") String claimant, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit) {
        PageParams page = PageParams.parse(cursor, order, limit, PageParams.CursorKind.OPAQUE);
        Map<String, String> filters = new LinkedHashMap<>();
        Predicate<LedgerEntry> filter = e -> true;
        String sponsorId = Params.accountId("sponsor", sponsor);
        if (sponsorId != null) {
            filters.put("sponsor", sponsorId);
            filter = filter.and(e -> {
                var s = io.corridor.ledger.core.Sponsorship.sponsor(e);
                return s != null && Accounts.strKey(s).equals(sponsorId);
            });
        }
        if (Params.present(asset)) {
            MarketAsset wanted = MarketAsset.parseCanonical("asset", asset);
            String canonical = wanted.canonical();
            filters.put("asset", canonical);
            filter = filter.and(e -> AssetJson.canonical(e.getData().getClaimableBalance().getAsset()).equals(canonical));
        }
        String claimantId = Params.accountId("claimant", claimant);
        if (claimantId != null) {
            filters.put("claimant", claimantId);
            filter = filter.and(e -> hasClaimant(e.getData().getClaimableBalance(), claimantId));
        }
        EntryKey after = null;
        if (!page.cursor().isEmpty() && !page.cursor().equals("now")) {
            after = ClaimableBalances.key(parseId("cursor", page.cursor()));
        }
        LedgerNode node = access.node();
        List<LedgerEntry> records = page.cursor().equals("now") ? List.of()
                : node.claimableBalances(after, page.ascending(), page.limit(), filter);
        Links links = new Links(uri);
        java.util.function.Function<LedgerEntry, Long> modified = Times.lastModifiedLookup(node);
        return MarketPages.page(links, "/claimable_balances", filters, page, records,
                r -> ClaimableBalanceJson.toJson(r, modified.apply(r), links),
                r -> ClaimableBalanceJson.id(r.getData().getClaimableBalance().getBalanceID()));
    }

    private static boolean hasClaimant(ClaimableBalanceEntry balance, String account) {
        for (Claimant c : balance.getClaimants()) {
            if (Accounts.strKey(c.getV0().getDestination()).equals(account)) {
                return true;
            }
        }
        return false;
    }

    static ClaimableBalanceID parseId(String field, String hex) {
        if (hex == null || !ID.matcher(hex).matches()) {
            throw new InvalidParameter(field, ID_REASON);
        }
        try {
            ClaimableBalanceID id = Xdr.decode(Hashing.unhex(hex.toLowerCase(java.util.Locale.ROOT)),
                    ClaimableBalanceID::decode);
            if (id.getDiscriminant() == null) {
                throw new InvalidParameter(field, ID_REASON);
            }
            return id;
        } catch (Xdr.XdrDecodeException | RuntimeException e) {
            throw new InvalidParameter(field, ID_REASON);
        }
    }
}
