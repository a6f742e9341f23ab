package io.corridor.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.state.EntryChange;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.core.state.LedgerReader;
import io.corridor.ledger.core.state.LiveState;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.stellar.sdk.AllowTrustOperation;
import org.stellar.sdk.Asset;
import org.stellar.sdk.AssetTypeCreditAlphaNum;
import org.stellar.sdk.AssetTypeCreditAlphaNum12;
import org.stellar.sdk.AssetTypeCreditAlphaNum4;
import org.stellar.sdk.ChangeTrustAsset;
import org.stellar.sdk.ChangeTrustOperation;
import org.stellar.sdk.ClawbackOperation;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Operation;
import org.stellar.sdk.PaymentOperation;
import org.stellar.sdk.SetTrustlineFlagsOperation;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AllowTrustResultCode;
import org.stellar.sdk.xdr.ChangeTrustResultCode;
import org.stellar.sdk.xdr.ClawbackResultCode;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.SetTrustLineFlagsResultCode;
import org.stellar.sdk.xdr.TrustLineEntry;
import org.stellar.sdk.xdr.TrustLineFlags;

/**
 * Credit assets and trust lines for core tests: assets and operations built with the SDK as a client builds
 * them, trust lines and issuer flags put straight into a {@link LiveState} (as SET_OPTIONS would set them),
 * and the result codes of the trust-line operations.
 */
public final class CreditFixture {

    public static final int AUTHORIZED = TrustLines.AUTHORIZED_FLAG;
    public static final int MAINTAIN = TrustLines.AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG;
    public static final int CLAWBACK = TrustLines.TRUSTLINE_CLAWBACK_ENABLED_FLAG;
    public static final int AUTH_REQUIRED = Accounts.AUTH_REQUIRED_FLAG;
    public static final int AUTH_REVOCABLE = Accounts.AUTH_REVOCABLE_FLAG;
    public static final int AUTH_CLAWBACK_ENABLED = Accounts.AUTH_CLAWBACK_ENABLED_FLAG;

    private CreditFixture() {
    }

    // ---------------------------------------------------------------- assets

    public static AssetTypeCreditAlphaNum4 usd(KeyPair issuer) {
        return new AssetTypeCreditAlphaNum4("USD", issuer.getAccountId());
    }

    /** An ALPHANUM4 or ALPHANUM12 asset, by the length of the code. */
    public static AssetTypeCreditAlphaNum asset(String code, KeyPair issuer) {
        return code.length() <= 4 ? new AssetTypeCreditAlphaNum4(code, issuer.getAccountId())
                : new AssetTypeCreditAlphaNum12(code, issuer.getAccountId());
    }

    public static org.stellar.sdk.xdr.Asset xdr(Asset asset) {
        return asset.toXdr();
    }

    public static EntryKey trustLineKey(KeyPair holder, Asset asset) {
        return TrustLines.key(Accounts.parse(holder.getAccountId()), asset.toXdr());
    }

    // ---------------------------------------------------------------- operations

    public static Operation changeTrustOp(Asset asset, long limit) {
        return new ChangeTrustOperation.Builder(ChangeTrustAsset.create(asset), LedgerFixture.amount(limit)).build();
    }

    public static Operation paymentOp(KeyPair to, Asset asset, long amount) {
        return new PaymentOperation.Builder(to.getAccountId(), asset, LedgerFixture.amount(amount)).build();
    }

    public static Operation allowTrustOp(KeyPair trustor, String code, boolean authorize) {
        return new AllowTrustOperation.Builder(trustor.getAccountId(), code, authorize).build();
    }

    /** ALLOW_TRUST with any {@code authorize} value, which the SDK's boolean cannot express. */
    public static org.stellar.sdk.xdr.Operation allowTrustXdr(KeyPair trustor, String code, long authorize) {
        org.stellar.sdk.xdr.Operation op = allowTrustOp(trustor, code, true).toXdr();
        op.getBody().getAllowTrustOp().setAuthorize(Accounts.uint32(authorize));
        return op;
    }

    public static Operation setFlagsOp(KeyPair trustor, Asset asset, EnumSet<TrustLineFlags> clear,
            EnumSet<TrustLineFlags> set) {
        return new SetTrustlineFlagsOperation.Builder(trustor.getAccountId(), asset, clear, set).build();
    }

    /** SET_TRUST_LINE_FLAGS with raw flag words, including bits the SDK's enum does not have. */
    public static org.stellar.sdk.xdr.Operation setFlagsXdr(KeyPair trustor, Asset asset, long clear, long set) {
        org.stellar.sdk.xdr.Operation op = setFlagsOp(trustor, asset, none(), none()).toXdr();
        op.getBody().getSetTrustLineFlagsOp().setClearFlags(Accounts.uint32(clear));
        op.getBody().getSetTrustLineFlagsOp().setSetFlags(Accounts.uint32(set));
        return op;
    }

    public static EnumSet<TrustLineFlags> none() {
        return EnumSet.noneOf(TrustLineFlags.class);
    }

    public static EnumSet<TrustLineFlags> flags(TrustLineFlags first, TrustLineFlags... rest) {
        return EnumSet.of(first, rest);
    }

    public static Operation clawbackOp(KeyPair from, Asset asset, long amount) {
        return new ClawbackOperation.Builder(from.getAccountId(), asset, LedgerFixture.amount(amount)).build();
    }

    // ---------------------------------------------------------------- state

    /** The holder's line for {@code asset} in {@code reader}. */
    public static Optional<TrustLineEntry> trustLine(LedgerReader reader, KeyPair holder, Asset asset) {
        return reader.load(trustLineKey(holder, asset)).map(e -> e.getData().getTrustLine());
    }

    /** The line as a run left it: its entry in {@code changes} if the run touched it, else from {@code state}. */
    public static Optional<TrustLineEntry> trustLineAfter(List<EntryChange> changes, LedgerReader state,
            KeyPair holder, Asset asset) {
        EntryKey key = trustLineKey(holder, asset);
        for (EntryChange change : changes) {
            if (change.key().equals(key)) {
                return change.after().map(e -> e.getData().getTrustLine());
            }
        }
        return trustLine(state, holder, asset);
    }

    /**
     * Puts a line into {@code state} with the given balance, limit and flags, stamped with ledger 3, and counts
     * it as a sub-entry of its holder, whose account must exist.
     */
    public static TrustLineEntry putTrustLine(LiveState state, KeyPair holder, Asset asset, long balance,
            long limit, int flags) {
        LedgerEntry entry = TrustLines.newTrustLine(Accounts.parse(holder.getAccountId()), asset.toXdr(), limit,
                flags, 3);
        entry.getData().getTrustLine().setBalance(new Int64(balance));
        state.put(entry);
        updateAccount(state, holder, a -> Accounts.changeSubEntries(a, 1));
        return entry.getData().getTrustLine();
    }

    /** Changes a line in {@code state} directly (liabilities, extensions). */
    public static void updateTrustLine(LiveState state, KeyPair holder, Asset asset,
            Consumer<TrustLineEntry> change) {
        LedgerEntry entry = state.load(trustLineKey(holder, asset)).orElseThrow();
        change.accept(entry.getData().getTrustLine());
        state.put(entry);
    }

    /** Sets an account's flags directly, as SET_OPTIONS would. */
    public static void setAccountFlags(LiveState state, KeyPair account, int flags) {
        updateAccount(state, account, a -> a.setFlags(Accounts.uint32(flags)));
    }

    public static void updateAccount(LiveState state, KeyPair account,
            Consumer<AccountEntry> change) {
        LedgerEntry entry = state.load(LedgerFixture.accountKey(account)).orElseThrow();
        change.accept(entry.getData().getAccount());
        state.put(entry);
    }

    // ---------------------------------------------------------------- results

    public static ChangeTrustResultCode changeTrustCode(OperationResult result) {
        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opINNER);
        return result.getTr().getChangeTrustResult().getDiscriminant();
    }

    public static AllowTrustResultCode allowTrustCode(OperationResult result) {
        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opINNER);
        return result.getTr().getAllowTrustResult().getDiscriminant();
    }

    public static SetTrustLineFlagsResultCode setFlagsCode(OperationResult result) {
        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opINNER);
        return result.getTr().getSetTrustLineFlagsResult().getDiscriminant();
    }

    public static ClawbackResultCode clawbackCode(OperationResult result) {
        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opINNER);
        return result.getTr().getClawbackResult().getDiscriminant();
    }
}
