package io.corridor.ledger.core.history;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Amounts;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.Signers;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.state.EntryKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.stellar.sdk.SignedPayloadSigner;
import org.stellar.sdk.StrKey;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.ClaimableBalanceEntry;
import org.stellar.sdk.xdr.ClaimableBalanceID;
import org.stellar.sdk.xdr.Claimant;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryChange;
import org.stellar.sdk.xdr.LedgerEntryChanges;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.SignerKey;
import org.stellar.sdk.xdr.TrustLineAsset;

/**
 * The effects of a successful operation, as Horizon derives them when it ingests a ledger (stellar/go
 * {@code effects_processor.go}): first the effects of the operation's type, built from the operation, its result
 * and its entry changes, then, for every changed entry in ledger-key order, the sponsorships it gained, lost or
 * changed hands. BEGIN_SPONSORING_FUTURE_RESERVES, END_SPONSORING_FUTURE_RESERVES and REVOKE_SPONSORSHIP have
 * only the latter. The caller gives only successful operations: a failed transaction has no effects.
 *
 * <p>Fields follow Horizon's rendered effect resources ({@code protocols/horizon/effects}), which in three places
 * name a field differently from the detail Horizon's ingestion stores, so that Horizon itself never fills it. Here
 * those fields carry their value: {@code auth_revokable_flag} of account_flags_updated,
 * {@code authorized_to_maintain_liabilites_flag} (sic) of trustline_flags_updated and {@code asset_type} of the
 * trust-line sponsorship effects.
 */
public final class Effects {

    /** The weight Horizon reports for the master key of a new account ({@code keypair.DefaultSignerWeight}). */
    private static final int DEFAULT_SIGNER_WEIGHT = 1;

    private Effects() {
    }

    /**
     * The effects of {@code operation}, in Horizon's order.
     *
     * @param source  the operation's source account: its own, else its transaction's
     * @param result  the operation's result (ACCOUNT_MERGE reads the merged balance from it)
     * @param changes the operation's entry changes from the transaction's metadata
     */
    public static List<Effect> of(Operation operation, AccountID source, OperationResult result,
            LedgerEntryChanges changes) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(changes, "changes");
        Derivation derivation = new Derivation(operation, source, result, Change.sorted(changes));
        derivation.operationEffects();
        derivation.sponsorshipEffects();
        return List.copyOf(derivation.effects);
    }

    /** One entry's change: {@code pre} absent when created, {@code post} absent when removed. */
    private record Change(EntryKey key, LedgerEntry pre, LedgerEntry post) {

        LedgerEntryType type() {
            return (post != null ? post : pre).getData().getDiscriminant();
        }

        /** Pairs each update and removal with the state before it, and sorts by ledger key as Horizon does. */
        static List<Change> sorted(LedgerEntryChanges changes) {
            List<Change> out = new ArrayList<>();
            LedgerEntry state = null;
            for (LedgerEntryChange change : changes.getLedgerEntryChanges()) {
                switch (change.getDiscriminant()) {
                    case LEDGER_ENTRY_STATE -> state = change.getState();
                    case LEDGER_ENTRY_CREATED -> out.add(new Change(EntryKey.forEntry(change.getCreated()), null,
                            change.getCreated()));
                    case LEDGER_ENTRY_UPDATED -> out.add(new Change(EntryKey.forEntry(change.getUpdated()),
                            required(state, change), change.getUpdated()));
                    case LEDGER_ENTRY_REMOVED -> out.add(new Change(EntryKey.of(change.getRemoved()),
                            required(state, change), null));
                    default -> throw new IllegalArgumentException("unknown entry change " + change.getDiscriminant());
                }
            }
            // Stable, so that two changes of one key (which metadata does not hold) would keep their order.
            out.sort(Comparator.comparing(Change::key));
            return out;
        }

        private static LedgerEntry required(LedgerEntry state, LedgerEntryChange change) {
            if (state == null) {
                throw new IllegalArgumentException(change.getDiscriminant() + " without the state before it");
            }
            return state;
        }
    }

    /** The effects of one operation as they are found. */
    private static final class Derivation {
        private final Operation operation;
        private final AccountID sourceId;
        private final String source;
        private final OperationResult result;
        private final List<Change> changes;
        private final List<Effect> effects = new ArrayList<>();

        Derivation(Operation operation, AccountID sourceId, OperationResult result, List<Change> changes) {
            this.operation = operation;
            this.sourceId = sourceId;
            this.source = Accounts.strKey(sourceId);
            this.result = result;
            this.changes = changes;
        }

        private void add(EffectType type, String account, Map<String, Object> details) {
            effects.add(new Effect(type, account, details));
        }

        void operationEffects() {
            var body = operation.getBody();
            switch (body.getDiscriminant()) {
                case CREATE_ACCOUNT -> accountCreated();
                case PAYMENT -> payment();
                case SET_OPTIONS -> setOptions();
                case CHANGE_TRUST -> changeTrust();
                case ALLOW_TRUST -> allowTrust();
                case ACCOUNT_MERGE -> accountMerge();
                case MANAGE_DATA -> manageData();
                case BUMP_SEQUENCE -> bumpSequence();
                case CREATE_CLAIMABLE_BALANCE -> createClaimableBalance();
                case CLAIM_CLAIMABLE_BALANCE -> claimClaimableBalance();
                case CLAWBACK -> clawback();
                case CLAWBACK_CLAIMABLE_BALANCE -> clawbackClaimableBalance();
                case SET_TRUST_LINE_FLAGS -> {
                    var op = body.getSetTrustLineFlagsOp();
                    trustLineFlags(Accounts.strKey(op.getTrustor()), op.getAsset(),
                            uint32(op.getSetFlags()),
                            uint32(op.getClearFlags()));
                }
                case BEGIN_SPONSORING_FUTURE_RESERVES, END_SPONSORING_FUTURE_RESERVES, REVOKE_SPONSORSHIP -> {
                    // Their effects are the sponsorships of the entries they change, found below.
                }
                default -> throw new IllegalArgumentException(
                        "no effects are known for " + body.getDiscriminant() + ", which this ledger never applies");
            }
        }

        private void accountCreated() {
            var op = operation.getBody().getCreateAccountOp();
            String destination = Accounts.strKey(op.getDestination());
            String amount = Amounts.format(op.getStartingBalance().getInt64());
            add(EffectType.ACCOUNT_CREATED, destination, details("starting_balance", amount));
            add(EffectType.ACCOUNT_DEBITED, source, details("asset_type", "native", "amount", amount));
            add(EffectType.SIGNER_CREATED, destination,
                    details("weight", DEFAULT_SIGNER_WEIGHT, "public_key", destination, "key", destination));
        }

        private void payment() {
            var op = operation.getBody().getPaymentOp();
            Map<String, Object> details = assetAmount(op.getAsset(), op.getAmount().getInt64());
            add(EffectType.ACCOUNT_CREDITED, Accounts.strKey(Accounts.fromMuxed(op.getDestination())), details);
            add(EffectType.ACCOUNT_DEBITED, source, details);
        }

        private void setOptions() {
            var op = operation.getBody().getSetOptionsOp();
            if (op.getHomeDomain() != null) {
                add(EffectType.ACCOUNT_HOME_DOMAIN_UPDATED, source, details("home_domain",
                        new String(op.getHomeDomain().getString32().getBytes(), StandardCharsets.UTF_8)));
            }
            if (op.getLowThreshold() != null || op.getMedThreshold() != null || op.getHighThreshold() != null) {
                // Horizon shows all three, those the operation left alone as 0.
                add(EffectType.ACCOUNT_THRESHOLDS_UPDATED, source, details(
                        "low_threshold", op.getLowThreshold() == null ? 0 : uint32(op.getLowThreshold()),
                        "med_threshold", op.getMedThreshold() == null ? 0 : uint32(op.getMedThreshold()),
                        "high_threshold", op.getHighThreshold() == null ? 0 : uint32(op.getHighThreshold())));
            }
            Integer set = op.getSetFlags() == null ? null : uint32(op.getSetFlags());
            Integer clear = op.getClearFlags() == null ? null : uint32(op.getClearFlags());
            int known = Accounts.AUTH_REQUIRED_FLAG | Accounts.AUTH_REVOCABLE_FLAG | Accounts.AUTH_IMMUTABLE_FLAG
                    | Accounts.AUTH_CLAWBACK_ENABLED_FLAG;
            if ((((set == null ? 0 : set) | (clear == null ? 0 : clear)) & known) != 0) {
                // Horizon's resource shows only these two flags, even when the others changed.
                Map<String, Object> details = new LinkedHashMap<>();
                putFlag(details, "auth_required_flag", set, clear, Accounts.AUTH_REQUIRED_FLAG);
                putFlag(details, "auth_revokable_flag", set, clear, Accounts.AUTH_REVOCABLE_FLAG);
                add(EffectType.ACCOUNT_FLAGS_UPDATED, source, details);
            }
            if (op.getInflationDest() != null) {
                add(EffectType.ACCOUNT_INFLATION_DESTINATION_UPDATED, source, Map.of());
            }
            for (Change change : changes) {
                if (change.type() == LedgerEntryType.ACCOUNT && change.pre() != null && change.post() != null) {
                    signerEffects(signerSummary(change.pre().getData().getAccount()),
                            signerSummary(change.post().getData().getAccount()));
                }
            }
        }

        /** Removed and re-weighted signers first, then new ones, each in key order, as Horizon lists them. */
        private void signerEffects(Map<String, Integer> before, Map<String, Integer> after) {
            if (before.equals(after)) {
                return;
            }
            for (Map.Entry<String, Integer> signer : before.entrySet()) {
                String key = signer.getKey();
                Integer weight = after.get(key);
                if (weight == null) {
                    add(EffectType.SIGNER_REMOVED, source, details("weight", 0, "public_key", key, "key", key));
                } else if (!weight.equals(signer.getValue())) {
                    add(EffectType.SIGNER_UPDATED, source, details("weight", weight, "public_key", key, "key", key));
                }
            }
            for (Map.Entry<String, Integer> signer : after.entrySet()) {
                if (!before.containsKey(signer.getKey())) {
                    add(EffectType.SIGNER_CREATED, source, details("weight", signer.getValue(),
                            "public_key", signer.getKey(), "key", signer.getKey()));
                }
            }
        }

        private void changeTrust() {
            var op = operation.getBody().getChangeTrustOp();
            for (Change change : changes) {
                if (change.type() != LedgerEntryType.TRUSTLINE) {
                    continue;
                }
                EffectType type = change.pre() == null ? EffectType.TRUSTLINE_CREATED
                        : change.post() == null ? EffectType.TRUSTLINE_REMOVED : EffectType.TRUSTLINE_UPDATED;
                Map<String, Object> details = new LinkedHashMap<>();
                asset(details, TrustLines.asset(op.getLine()));
                details.put("limit", Amounts.format(op.getLimit().getInt64()));
                add(type, source, details);
                return;
            }
        }

        private void allowTrust() {
            var op = operation.getBody().getAllowTrustOp();
            Asset asset = TrustLines.asset(sourceId, op.getAsset());
            String trustor = Accounts.strKey(op.getTrustor());
            Map<String, Object> assetFields = new LinkedHashMap<>();
            asset(assetFields, asset);
            // The deprecated effects show the asset without its issuer, which is the source.
            Map<String, Object> details = details("trustor", trustor, "asset_type", assetFields.get("asset_type"),
                    "asset_code", assetFields.get("asset_code"));
            long authorize = op.getAuthorize().getUint32().getNumber();
            if ((authorize & TrustLines.AUTHORIZED_FLAG) != 0) {
                add(EffectType.TRUSTLINE_AUTHORIZED, source, details);
                trustLineFlags(trustor, asset, TrustLines.AUTHORIZED_FLAG, null);
            } else if ((authorize & TrustLines.AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG) != 0) {
                add(EffectType.TRUSTLINE_AUTHORIZED_TO_MAINTAIN_LIABILITIES, source, details);
                trustLineFlags(trustor, asset, TrustLines.AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG, null);
            } else {
                add(EffectType.TRUSTLINE_DEAUTHORIZED, source, details);
                trustLineFlags(trustor, asset, null, TrustLines.AUTH_FLAGS);
            }
        }

        /** trustline_flags_updated: the flags set (true) and cleared (false); a flag in both shows as cleared. */
        private void trustLineFlags(String trustor, Asset asset, Integer set, Integer clear) {
            Map<String, Object> details = new LinkedHashMap<>();
            asset(details, asset);
            details.put("trustor", trustor);
            putFlag(details, "authorized_flag", set, clear, TrustLines.AUTHORIZED_FLAG);
            putFlag(details, "authorized_to_maintain_liabilites_flag", set, clear,
                    TrustLines.AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG);
            putFlag(details, "clawback_enabled_flag", set, clear, TrustLines.TRUSTLINE_CLAWBACK_ENABLED_FLAG);
            add(EffectType.TRUSTLINE_FLAGS_UPDATED, source, details);
        }

        private void accountMerge() {
            if (result == null || result.getTr() == null || result.getTr().getAccountMergeResult() == null) {
                throw new IllegalArgumentException("an account merge's effects need its result");
            }
            long merged = result.getTr().getAccountMergeResult().getSourceAccountBalance().getInt64();
            Map<String, Object> details = details("asset_type", "native", "amount", Amounts.format(merged));
            add(EffectType.ACCOUNT_DEBITED, source, details);
            add(EffectType.ACCOUNT_CREDITED, Accounts.strKey(Accounts.fromMuxed(operation.getBody().getDestination())),
                    details);
            add(EffectType.ACCOUNT_REMOVED, source, Map.of());
        }

        private void manageData() {
            var op = operation.getBody().getManageDataOp();
            String name = new String(op.getDataName().getString64().getBytes(), StandardCharsets.UTF_8);
            for (Change change : changes) {
                if (change.type() != LedgerEntryType.DATA) {
                    continue;
                }
                Map<String, Object> details = details("name", name);
                if (change.post() != null) {
                    details.put("value", Base64.getEncoder().encodeToString(
                            change.post().getData().getData().getDataValue().getDataValue()));
                }
                EffectType type = change.pre() == null ? EffectType.DATA_CREATED
                        : change.post() == null ? EffectType.DATA_REMOVED : EffectType.DATA_UPDATED;
                add(type, source, details);
                return;
            }
            throw new IllegalArgumentException("a successful MANAGE_DATA changed no data entry: " + name);
        }

        private void bumpSequence() {
            for (Change change : changes) {
                if (change.type() != LedgerEntryType.ACCOUNT || change.pre() == null || change.post() == null) {
                    continue;
                }
                long before = Accounts.seqNum(change.pre().getData().getAccount());
                long after = Accounts.seqNum(change.post().getData().getAccount());
                if (before != after) {
                    add(EffectType.SEQUENCE_BUMPED, source, details("new_seq", Long.toString(after)));
                }
                return;
            }
        }

        private void createClaimableBalance() {
            ClaimableBalanceEntry balance = null;
            for (Change change : changes) {
                if (change.type() == LedgerEntryType.CLAIMABLE_BALANCE && change.post() != null) {
                    balance = change.post().getData().getClaimableBalance();
                    break;
                }
            }
            if (balance == null) {
                throw new IllegalArgumentException("a successful CREATE_CLAIMABLE_BALANCE created no balance");
            }
            String id = balanceId(balance.getBalanceID());
            String amount = Amounts.format(balance.getAmount().getInt64());
            String asset = canonical(balance.getAsset());
            add(EffectType.CLAIMABLE_BALANCE_CREATED, source,
                    details("asset", asset, "balance_id", id, "amount", amount));
            // The claimants as the operation gave them: the entry holds relative predicates made absolute.
            for (Claimant claimant : operation.getBody().getCreateClaimableBalanceOp().getClaimants()) {
                add(EffectType.CLAIMABLE_BALANCE_CLAIMANT_CREATED, Accounts.strKey(claimant.getV0().getDestination()),
                        details("asset", asset, "balance_id", id, "amount", amount,
                                "predicate", claimant.getV0().getPredicate()));
            }
            add(EffectType.ACCOUNT_DEBITED, source, assetAmount(balance.getAsset(), balance.getAmount().getInt64()));
        }

        private void claimClaimableBalance() {
            String id = balanceId(operation.getBody().getClaimClaimableBalanceOp().getBalanceID());
            ClaimableBalanceEntry balance = removedBalance(id);
            long amount = balance.getAmount().getInt64();
            add(EffectType.CLAIMABLE_BALANCE_CLAIMED, source, details("asset", canonical(balance.getAsset()),
                    "balance_id", id, "amount", Amounts.format(amount)));
            add(EffectType.ACCOUNT_CREDITED, source, assetAmount(balance.getAsset(), amount));
        }

        private void clawbackClaimableBalance() {
            String id = balanceId(operation.getBody().getClawbackClaimableBalanceOp().getBalanceID());
            add(EffectType.CLAIMABLE_BALANCE_CLAWED_BACK, source, details("balance_id", id));
            // The clawed-back amount is burnt; Horizon shows it credited to the issuer all the same.
            ClaimableBalanceEntry balance = removedBalance(id);
            add(EffectType.ACCOUNT_CREDITED, source, assetAmount(balance.getAsset(), balance.getAmount().getInt64()));
        }

        private ClaimableBalanceEntry removedBalance(String id) {
            for (Change change : changes) {
                if (change.type() == LedgerEntryType.CLAIMABLE_BALANCE && change.pre() != null && change.post() == null
                        && balanceId(change.pre().getData().getClaimableBalance().getBalanceID()).equals(id)) {
                    return change.pre().getData().getClaimableBalance();
                }
            }
            throw new IllegalArgumentException("claimable balance " + id + " was not removed by its operation");
        }

        private void clawback() {
            var op = operation.getBody().getClawbackOp();
            Map<String, Object> details = assetAmount(op.getAsset(), op.getAmount().getInt64());
            // The clawed-back amount is burnt; Horizon shows it credited to the issuer all the same.
            add(EffectType.ACCOUNT_CREDITED, source, details);
            add(EffectType.ACCOUNT_DEBITED, Accounts.strKey(Accounts.fromMuxed(op.getFrom())), details);
        }

        void sponsorshipEffects() {
            for (Change change : changes) {
                entrySponsorship(change);
                if (change.type() == LedgerEntryType.ACCOUNT) {
                    signerSponsorship(change);
                }
            }
        }

        private void entrySponsorship(Change change) {
            LedgerEntryType type = change.type();
            if (type != LedgerEntryType.ACCOUNT && type != LedgerEntryType.TRUSTLINE && type != LedgerEntryType.DATA
                    && type != LedgerEntryType.CLAIMABLE_BALANCE) {
                // Offers have no creation effects, so neither have their sponsorships.
                return;
            }
            String before = change.pre() == null ? null : sponsor(change.pre());
            String after = change.post() == null ? null : sponsor(change.post());
            if (Objects.equals(before, after)) {
                return;
            }
            LedgerEntry entry = change.post() != null ? change.post() : change.pre();
            String account;
            Map<String, Object> details = new LinkedHashMap<>();
            switch (type) {
                case ACCOUNT -> account = Accounts.strKey(entry.getData().getAccount().getAccountID());
                case TRUSTLINE -> {
                    account = Accounts.strKey(entry.getData().getTrustLine().getAccountID());
                    TrustLineAsset asset = entry.getData().getTrustLine().getAsset();
                    details.put("asset_type", assetType(asset.getDiscriminant()));
                    details.put("asset", canonical(asset));
                }
                case DATA -> {
                    account = source;
                    details.put("data_name", new String(
                            entry.getData().getData().getDataName().getString64().getBytes(), StandardCharsets.UTF_8));
                }
                default -> {
                    account = source;
                    details.put("balance_id", balanceId(entry.getData().getClaimableBalance().getBalanceID()));
                }
            }
            int kind = sponsorshipKind(before, after, details);
            add(sponsorshipType(type, kind), account, details);
        }

        private void signerSponsorship(Change change) {
            Map<String, String> before = change.pre() == null ? Map.of()
                    : sponsorPerSigner(change.pre().getData().getAccount());
            Map<String, String> after = change.post() == null ? Map.of()
                    : sponsorPerSigner(change.post().getData().getAccount());
            TreeSet<String> signers = new TreeSet<>(before.keySet());
            signers.addAll(after.keySet());
            for (String signer : signers) {
                String formerSponsor = before.get(signer);
                String newSponsor = after.get(signer);
                if (Objects.equals(formerSponsor, newSponsor)) {
                    continue;
                }
                LedgerEntry owner = newSponsor == null ? change.pre() : change.post();
                Map<String, Object> details = details("signer", signer);
                int kind = sponsorshipKind(formerSponsor, newSponsor, details);
                EffectType type = kind == CREATED ? EffectType.SIGNER_SPONSORSHIP_CREATED
                        : kind == REMOVED ? EffectType.SIGNER_SPONSORSHIP_REMOVED
                        : EffectType.SIGNER_SPONSORSHIP_UPDATED;
                add(type, Accounts.strKey(owner.getData().getAccount().getAccountID()), details);
            }
        }
    }

    private static final int CREATED = 0;
    private static final int UPDATED = 1;
    private static final int REMOVED = 2;

    /** Adds the sponsor fields of a sponsorship that began, changed hands or ended, and says which. */
    private static int sponsorshipKind(String before, String after, Map<String, Object> details) {
        if (before == null) {
            details.put("sponsor", after);
            return CREATED;
        }
        details.put("former_sponsor", before);
        if (after == null) {
            return REMOVED;
        }
        details.put("new_sponsor", after);
        return UPDATED;
    }

    private static EffectType sponsorshipType(LedgerEntryType entry, int kind) {
        return switch (entry) {
            case ACCOUNT -> kind == CREATED ? EffectType.ACCOUNT_SPONSORSHIP_CREATED
                    : kind == UPDATED ? EffectType.ACCOUNT_SPONSORSHIP_UPDATED : EffectType.ACCOUNT_SPONSORSHIP_REMOVED;
            case TRUSTLINE -> kind == CREATED ? EffectType.TRUSTLINE_SPONSORSHIP_CREATED
                    : kind == UPDATED ? EffectType.TRUSTLINE_SPONSORSHIP_UPDATED
                    : EffectType.TRUSTLINE_SPONSORSHIP_REMOVED;
            case DATA -> kind == CREATED ? EffectType.DATA_SPONSORSHIP_CREATED
                    : kind == UPDATED ? EffectType.DATA_SPONSORSHIP_UPDATED : EffectType.DATA_SPONSORSHIP_REMOVED;
            case CLAIMABLE_BALANCE -> kind == CREATED ? EffectType.CLAIMABLE_BALANCE_SPONSORSHIP_CREATED
                    : kind == UPDATED ? EffectType.CLAIMABLE_BALANCE_SPONSORSHIP_UPDATED
                    : EffectType.CLAIMABLE_BALANCE_SPONSORSHIP_REMOVED;
            default -> throw new IllegalArgumentException("no sponsorship effects for " + entry);
        };
    }

    private static String sponsor(LedgerEntry entry) {
        AccountID sponsor = Sponsorship.sponsor(entry);
        return sponsor == null ? null : Accounts.strKey(sponsor);
    }

    /** Each sponsored signer's key and its sponsor, in key order. */
    private static Map<String, String> sponsorPerSigner(AccountEntry account) {
        Map<String, String> sponsors = new TreeMap<>();
        var signers = Signers.of(account);
        for (int i = 0; i < signers.length; i++) {
            AccountID sponsor = Sponsorship.signerSponsor(account, i);
            if (sponsor != null) {
                sponsors.put(signerKey(signers[i].getKey()), Accounts.strKey(sponsor));
            }
        }
        return sponsors;
    }

    /** Every key that can sign for the account and its weight, the master key included unless its weight is 0. */
    private static Map<String, Integer> signerSummary(AccountEntry account) {
        Map<String, Integer> summary = new TreeMap<>();
        int master = Accounts.threshold(account, Accounts.THRESHOLD_MASTER_WEIGHT);
        if (master > 0) {
            summary.put(Accounts.strKey(account.getAccountID()), master);
        }
        for (var signer : Signers.of(account)) {
            summary.put(signerKey(signer.getKey()), uint32(signer.getWeight()));
        }
        return summary;
    }

    /** A signer key as a strkey: {@code G...}, {@code T...} (pre-authorized), {@code X...} (hash), {@code P...}. */
    static String signerKey(SignerKey key) {
        return switch (key.getDiscriminant()) {
            case SIGNER_KEY_TYPE_ED25519 -> StrKey.encodeEd25519PublicKey(key.getEd25519().getUint256());
            case SIGNER_KEY_TYPE_PRE_AUTH_TX -> StrKey.encodePreAuthTx(key.getPreAuthTx().getUint256());
            case SIGNER_KEY_TYPE_HASH_X -> StrKey.encodeSha256Hash(key.getHashX().getUint256());
            case SIGNER_KEY_TYPE_ED25519_SIGNED_PAYLOAD -> StrKey.encodeSignedPayload(new SignedPayloadSigner(
                    key.getEd25519SignedPayload().getEd25519().getUint256(),
                    key.getEd25519SignedPayload().getPayload()));
            default -> throw new IllegalArgumentException("unknown signer key type " + key.getDiscriminant());
        };
    }

    /** {@code flag}'s field, {@code false} if {@code clear} has it, else {@code true} if {@code set} has it. */
    private static void putFlag(Map<String, Object> details, String field, Integer set, Integer clear, int flag) {
        if (clear != null && (clear & flag) != 0) {
            details.put(field, false);
        } else if (set != null && (set & flag) != 0) {
            details.put(field, true);
        }
    }

    private static Map<String, Object> assetAmount(Asset asset, long amount) {
        Map<String, Object> details = new LinkedHashMap<>();
        asset(details, asset);
        details.put("amount", Amounts.format(amount));
        return details;
    }

    /** Horizon's {@code asset_type}, {@code asset_code} and {@code asset_issuer} (the latter two for credit). */
    private static void asset(Map<String, Object> details, Asset asset) {
        details.put("asset_type", assetType(asset.getDiscriminant()));
        switch (asset.getDiscriminant()) {
            case ASSET_TYPE_NATIVE -> {
            }
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> {
                details.put("asset_code", code(asset.getAlphaNum4().getAssetCode().getAssetCode4()));
                details.put("asset_issuer", Accounts.strKey(asset.getAlphaNum4().getIssuer()));
            }
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> {
                details.put("asset_code", code(asset.getAlphaNum12().getAssetCode().getAssetCode12()));
                details.put("asset_issuer", Accounts.strKey(asset.getAlphaNum12().getIssuer()));
            }
            default -> throw new IllegalArgumentException("not a classic asset: " + asset.getDiscriminant());
        }
    }

    private static String assetType(org.stellar.sdk.xdr.AssetType type) {
        return switch (type) {
            case ASSET_TYPE_NATIVE -> "native";
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> "credit_alphanum4";
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> "credit_alphanum12";
            default -> throw new IllegalArgumentException("not a classic asset: " + type);
        };
    }

    /** {@code native} or {@code CODE:ISSUER}, as Horizon writes an asset in one string. */
    private static String canonical(Asset asset) {
        return switch (asset.getDiscriminant()) {
            case ASSET_TYPE_NATIVE -> "native";
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> code(asset.getAlphaNum4().getAssetCode().getAssetCode4()) + ":"
                    + Accounts.strKey(asset.getAlphaNum4().getIssuer());
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> code(asset.getAlphaNum12().getAssetCode().getAssetCode12()) + ":"
                    + Accounts.strKey(asset.getAlphaNum12().getIssuer());
            default -> throw new IllegalArgumentException("not a classic asset: " + asset.getDiscriminant());
        };
    }

    private static String canonical(TrustLineAsset asset) {
        return switch (asset.getDiscriminant()) {
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> code(asset.getAlphaNum4().getAssetCode().getAssetCode4()) + ":"
                    + Accounts.strKey(asset.getAlphaNum4().getIssuer());
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> code(asset.getAlphaNum12().getAssetCode().getAssetCode12()) + ":"
                    + Accounts.strKey(asset.getAlphaNum12().getIssuer());
            default -> throw new IllegalArgumentException("not a credit trust line: " + asset.getDiscriminant());
        };
    }

    /** Asset codes are NUL-padded in XDR. */
    private static String code(byte[] bytes) {
        int length = 0;
        while (length < bytes.length && bytes[length] != 0) {
            length++;
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    /** A balance id as Horizon and the SDKs write it: hex of the {@code ClaimableBalanceID} XDR. */
    private static String balanceId(ClaimableBalanceID id) {
        return Hashing.hex(Xdr.encode(id::toXdrByteArray));
    }

    /** The flags and weights of the operations are {@code uint32}s that fit an {@code int}. */
    private static int uint32(org.stellar.sdk.xdr.Uint32 value) {
        return Math.toIntExact(value.getUint32().getNumber());
    }

    /** A details map from alternating names and values, in that order. */
    private static Map<String, Object> details(Object... namesAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            details.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return details;
    }
}
