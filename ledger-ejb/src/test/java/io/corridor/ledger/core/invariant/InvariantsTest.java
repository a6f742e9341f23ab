package io.corridor.ledger.core.invariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.close.LedgerCloser;
import io.corridor.ledger.core.state.EntryChange;
import io.corridor.ledger.core.state.EntryKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AlphaNum4;
import org.stellar.sdk.xdr.AssetCode4;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SignerKey;
import org.stellar.sdk.xdr.SignerKeyType;
import org.stellar.sdk.xdr.TrustLineAsset;
import org.stellar.sdk.xdr.TrustLineEntry;
import org.stellar.sdk.xdr.Uint256;

/**
 * Each invariant fires on the corruption it guards against, and only the right one does. Changes are built
 * by hand because the operations never produce them; the last tests corrupt a live ledger and watch the
 * closer and the node stop.
 */
class InvariantsTest {

    private static final NetworkProfile PROFILE = NetworkProfile.IQONIQ;
    private static final int LEDGER = 7;
    private static final LedgerContext CTX = new LedgerContext(PROFILE, LEDGER, 1_000, PROFILE.baseFee(),
            PROFILE.baseReserve());
    private static final Operation ANY_OP = new Operation();

    private static LedgerEntry account(String name, long balance) {
        KeyPair key = LedgerFixture.key(name);
        return Accounts.newAccount(Accounts.accountId(key.getPublicKey()), balance, 0, LEDGER);
    }

    private static LedgerEntry copy(LedgerEntry entry) {
        return Xdr.copy(entry::toXdrByteArray, LedgerEntry::decode);
    }

    private static EntryChange update(LedgerEntry before, LedgerEntry after) {
        return new EntryChange(EntryKey.forEntry(after), Optional.of(before), Optional.of(after));
    }

    private static EntryChange create(LedgerEntry after) {
        return new EntryChange(EntryKey.forEntry(after), Optional.empty(), Optional.of(after));
    }

    private static String firedOnOperation(List<EntryChange> changes) {
        try {
            Invariants.strict().checkOperation(ANY_OP, null, changes, CTX, "test");
            return null;
        } catch (InvariantViolation e) {
            assertThat(e.where()).isEqualTo("test");
            return e.invariant();
        }
    }

    private static LedgerEntry trustLine(String owner, long balance, long limit, int flags) {
        AlphaNum4 usd = new AlphaNum4();
        usd.setAssetCode(new AssetCode4(new byte[] {'U', 'S', 'D', 0}));
        usd.setIssuer(Accounts.accountId(LedgerFixture.key("issuer").getPublicKey()));
        TrustLineAsset asset = new TrustLineAsset();
        asset.setDiscriminant(AssetType.ASSET_TYPE_CREDIT_ALPHANUM4);
        asset.setAlphaNum4(usd);
        TrustLineEntry line = new TrustLineEntry();
        line.setAccountID(Accounts.accountId(LedgerFixture.key(owner).getPublicKey()));
        line.setAsset(asset);
        line.setBalance(new Int64(balance));
        line.setLimit(new Int64(limit));
        line.setFlags(Accounts.uint32(flags));
        TrustLineEntry.TrustLineEntryExt ext = new TrustLineEntry.TrustLineEntryExt();
        ext.setDiscriminant(0);
        line.setExt(ext);
        LedgerEntry entry = account(owner, 0);
        LedgerEntry.LedgerEntryData data = new LedgerEntry.LedgerEntryData();
        data.setDiscriminant(LedgerEntryType.TRUSTLINE);
        data.setTrustLine(line);
        entry.setData(data);
        return entry;
    }

    @Test
    void aPaymentBetweenTwoAccountsBreaksNothing() {
        LedgerEntry a = account("a", 1_000_000_000L);
        LedgerEntry b = account("b", 1_000_000_000L);
        LedgerEntry a2 = copy(a);
        a2.getData().getAccount().setBalance(new Int64(900_000_000L));
        LedgerEntry b2 = copy(b);
        b2.getData().getAccount().setBalance(new Int64(1_100_000_000L));
        assertThat(firedOnOperation(List.of(update(a, a2), update(b, b2)))).isNull();
    }

    @Test
    void nativeCreatedFromNothingBreaksConservation() {
        LedgerEntry a = account("a", 1_000_000_000L);
        LedgerEntry richer = copy(a);
        richer.getData().getAccount().setBalance(new Int64(1_000_000_005L));
        assertThat(firedOnOperation(List.of(update(a, richer)))).isEqualTo("ConservationOfNativeAsset");
    }

    @Test
    void ledgerWhoseFeePoolDoesNotMatchBreaksConservation() {
        LedgerFixture fixture = new LedgerFixture();
        LedgerHeader previous = fixture.lastHeader();
        LedgerHeader next = Xdr.copy(previous::toXdrByteArray, LedgerHeader::decode);
        next.setLedgerSeq(Accounts.uint32(previous.getLedgerSeq().getUint32().getNumber() + 1));
        next.setFeePool(new Int64(previous.getFeePool().getInt64() + 1_000));
        assertThatThrownBy(() -> Invariants.production().checkLedger(previous, next, List.of(), "ledger 2"))
                .isInstanceOf(InvariantViolation.class)
                .satisfies(e -> assertThat(((InvariantViolation) e).invariant()).isEqualTo("ConservationOfNativeAsset"))
                .hasMessageContaining("ledger 2").hasMessageContaining("fee pool");
    }

    @Test
    void negativeBalanceIsCaught() {
        LedgerEntry a = account("a", 0);
        LedgerEntry b = account("b", 0);
        LedgerEntry a2 = copy(a);
        a2.getData().getAccount().setBalance(new Int64(-5L));
        LedgerEntry b2 = copy(b);
        b2.getData().getAccount().setBalance(new Int64(5L));
        assertThat(firedOnOperation(List.of(update(a, a2), update(b, b2)))).isEqualTo("BalancesAreNonNegative");
    }

    @Test
    void trustLineAboveItsLimitIsCaught() {
        LedgerEntry before = trustLine("holder", 10, 100, 1);
        LedgerEntry after = trustLine("holder", 101, 100, 1);
        assertThat(firedOnOperation(List.of(update(before, after)))).isEqualTo("BalancesAreNonNegative");
    }

    @Test
    void operationTakingAnAccountBelowItsReserveIsCaught() {
        long reserve2 = 2L * PROFILE.baseReserve();
        LedgerEntry a = account("a", reserve2 + 100);
        LedgerEntry b = account("b", reserve2);
        LedgerEntry a2 = copy(a);
        a2.getData().getAccount().setBalance(new Int64(reserve2 - 100));
        LedgerEntry b2 = copy(b);
        b2.getData().getAccount().setBalance(new Int64(reserve2 + 200));
        assertThat(firedOnOperation(List.of(update(a, a2), update(b, b2)))).isEqualTo("MinimumBalanceHeld");
    }

    @Test
    void subEntryCountChangedWithoutASubEntryIsCaught() {
        LedgerEntry a = account("a", 1_000_000_000L);
        LedgerEntry counted = copy(a);
        counted.getData().getAccount().setNumSubEntries(Accounts.uint32(1));
        assertThat(firedOnOperation(List.of(update(a, counted)))).isEqualTo("SubEntryCountMatchesEntries");
    }

    @Test
    void trustLineCreatedWithoutCountingItIsCaught() {
        assertThat(firedOnOperation(List.of(create(trustLine("holder", 0, 100, 1)))))
                .isEqualTo("SubEntryCountMatchesEntries");
    }

    @Test
    void trustLineCreatedAndCountedIsFine() {
        LedgerEntry holder = account("holder", 1_000_000_000L);
        LedgerEntry counted = copy(holder);
        counted.getData().getAccount().setNumSubEntries(Accounts.uint32(1));
        assertThat(firedOnOperation(List.of(update(holder, counted), create(trustLine("holder", 0, 100, 1)))))
                .isNull();
    }

    @Test
    void sponsorshipCountWithoutASponsoredEntryIsCaught() {
        LedgerEntry a = account("a", 1_000_000_000L);
        LedgerEntry sponsoring = copy(a);
        AccountEntry account = sponsoring.getData().getAccount();
        var v2 = new org.stellar.sdk.xdr.AccountEntryExtensionV2();
        v2.setNumSponsored(Accounts.uint32(0));
        v2.setNumSponsoring(Accounts.uint32(1));
        v2.setSignerSponsoringIDs(new org.stellar.sdk.xdr.SponsorshipDescriptor[0]);
        var v2ext = new org.stellar.sdk.xdr.AccountEntryExtensionV2.AccountEntryExtensionV2Ext();
        v2ext.setDiscriminant(0);
        v2.setExt(v2ext);
        var v1 = new org.stellar.sdk.xdr.AccountEntryExtensionV1();
        var liabilities = new org.stellar.sdk.xdr.Liabilities();
        liabilities.setBuying(new Int64(0L));
        liabilities.setSelling(new Int64(0L));
        v1.setLiabilities(liabilities);
        var v1ext = new org.stellar.sdk.xdr.AccountEntryExtensionV1.AccountEntryExtensionV1Ext();
        v1ext.setDiscriminant(2);
        v1ext.setV2(v2);
        v1.setExt(v1ext);
        var ext = new AccountEntry.AccountEntryExt();
        ext.setDiscriminant(1);
        ext.setV1(v1);
        account.setExt(ext);
        assertThat(firedOnOperation(List.of(update(a, sponsoring)))).isEqualTo("SponsorshipCountsAreConsistent");
    }

    @Test
    void entryStampedWithAnotherLedgerIsCaught() {
        LedgerEntry a = account("a", 1_000_000_000L);
        LedgerEntry b = account("b", 1_000_000_000L);
        LedgerEntry a2 = copy(a);
        a2.getData().getAccount().setBalance(new Int64(900_000_000L));
        a2.setLastModifiedLedgerSeq(Accounts.uint32(LEDGER - 1));
        LedgerEntry b2 = copy(b);
        b2.getData().getAccount().setBalance(new Int64(1_100_000_000L));
        assertThat(firedOnOperation(List.of(update(a, a2), update(b, b2)))).isEqualTo("LedgerEntryIsValid");
    }

    @Test
    void unsortedSignersAreCaught() {
        LedgerEntry a = account("a", 1_000_000_000L);
        LedgerEntry unsorted = copy(a);
        unsorted.getData().getAccount().setSigners(new Signer[] {signer((byte) 9), signer((byte) 1)});
        unsorted.getData().getAccount().setNumSubEntries(Accounts.uint32(2));
        assertThat(firedOnOperation(List.of(update(a, unsorted)))).isEqualTo("LedgerEntryIsValid");
    }

    private static Signer signer(byte first) {
        byte[] key = new byte[32];
        key[0] = first;
        SignerKey signerKey = new SignerKey();
        signerKey.setDiscriminant(SignerKeyType.SIGNER_KEY_TYPE_ED25519);
        signerKey.setEd25519(new Uint256(key));
        Signer signer = new Signer();
        signer.setKey(signerKey);
        signer.setWeight(Accounts.uint32(1));
        return signer;
    }

    @Test
    void productionChecksOnlyLedgersStrictChecksOperationsToo() {
        assertThat(Invariants.production().perOperation()).isFalse();
        assertThat(Invariants.strict().perOperation()).isTrue();
        assertThat(Invariants.all()).extracting(Invariant::name).containsExactly("ConservationOfNativeAsset",
                "BalancesAreNonNegative", "MinimumBalanceHeld", "SubEntryCountMatchesEntries",
                "SponsorshipCountsAreConsistent", "LedgerEntryIsValid");
    }

    /** A corrupted live state: the next operation touching it writes an invalid entry; the close stops. */
    @Test
    void corruptedStateStopsTheCloseAndLeavesTheStateAsItWas() {
        LedgerFixture fixture = new LedgerFixture();
        KeyPair alice = fixture.fundedAccount("alice", LedgerFixture.iqq(100));
        LedgerEntry corrupted = fixture.state().load(LedgerFixture.accountKey(alice)).orElseThrow();
        corrupted.getData().getAccount().setSigners(new Signer[] {signer((byte) 9), signer((byte) 1)});
        corrupted.getData().getAccount().setNumSubEntries(Accounts.uint32(2));
        fixture.state().put(corrupted);
        byte[] before = fixture.state().stateHash();

        LedgerCloser strict = new LedgerCloser(PROFILE, Invariants.strict());
        var tx = fixture.frame(fixture.payment(fixture.root(), alice, LedgerFixture.iqq(1)));
        var set = new io.corridor.ledger.core.close.TxSetFrame(fixture.lastHash(), List.of(tx));
        assertThatThrownBy(() -> strict.close(fixture.lastHeader(), fixture.lastHash(), fixture.state(), set,
                fixture.nextCloseTime()))
                .isInstanceOf(InvariantViolation.class)
                .satisfies(e -> assertThat(((InvariantViolation) e).invariant()).isEqualTo("LedgerEntryIsValid"))
                .hasMessageContaining("operation 0");
        assertThat(fixture.state().stateHash()).isEqualTo(before);
    }
}
