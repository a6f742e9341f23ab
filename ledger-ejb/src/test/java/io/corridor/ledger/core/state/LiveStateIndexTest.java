package io.corridor.ledger.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.close.ClosedLedger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.AssetTypeCreditAlphaNum4;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.ChangeTrustAsset;
import org.stellar.sdk.ChangeTrustOperation;
import org.stellar.sdk.Claimant;
import org.stellar.sdk.CreateClaimableBalanceOperation;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.ManageDataOperation;
import org.stellar.sdk.Predicate;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryType;

/** The owner and claimable-balance indexes follow creation, removal and revert of entries. */
class LiveStateIndexTest {

    private final LedgerFixture ledger = new LedgerFixture();

    @Test
    void accountViewsListTrustLinesAndDataAndFollowRemoval() {
        KeyPair issuer = ledger.fundedAccount("index-issuer", LedgerFixture.iqq(100));
        KeyPair holder = ledger.fundedAccount("index-holder", LedgerFixture.iqq(100));
        KeyPair other = ledger.fundedAccount("index-other", LedgerFixture.iqq(100));
        var usd = new AssetTypeCreditAlphaNum4("USD", issuer.getAccountId());
        ledger.close(ledger.tx(holder,
                new ChangeTrustOperation.Builder(ChangeTrustAsset.create(usd), "1000").build(),
                new ManageDataOperation.Builder("iban", "DE44".getBytes(StandardCharsets.UTF_8)).build()));

        List<LedgerEntry> owned = ledger.state().ownedBy(Accounts.parse(holder.getAccountId()));
        assertThat(owned).extracting(e -> e.getData().getDiscriminant())
                .containsExactly(LedgerEntryType.TRUSTLINE, LedgerEntryType.DATA);
        assertThat(ledger.state().ownedBy(Accounts.parse(other.getAccountId()))).isEmpty();

        ledger.close(ledger.tx(holder,
                new ChangeTrustOperation.Builder(ChangeTrustAsset.create(usd), "0").build(),
                new ManageDataOperation.Builder("iban", null).build()));
        assertThat(ledger.state().ownedBy(Accounts.parse(holder.getAccountId()))).isEmpty();
    }

    @Test
    void claimableBalancesArePagedInKeyOrderAndRevertWithTheLedger() {
        KeyPair sender = ledger.fundedAccount("index-sender", LedgerFixture.iqq(100));
        KeyPair receiver = ledger.fundedAccount("index-receiver", LedgerFixture.iqq(100));
        List<Claimant> claimants = List.of(new Claimant(receiver.getAccountId(), new Predicate.Unconditional()));
        ledger.close(ledger.tx(sender,
                new CreateClaimableBalanceOperation.Builder("1", new AssetTypeNative(), claimants).build(),
                new CreateClaimableBalanceOperation.Builder("2", new AssetTypeNative(), claimants).build(),
                new CreateClaimableBalanceOperation.Builder("3", new AssetTypeNative(), claimants).build()));

        List<LedgerEntry> all = ledger.state().claimableBalances(null, true, 10);
        assertThat(all).hasSize(3);
        List<EntryKey> keys = all.stream().map(EntryKey::forEntry).toList();
        assertThat(keys).isSorted();
        assertThat(ledger.state().claimableBalances(keys.get(0), true, 1)).extracting(EntryKey::forEntry)
                .containsExactly(keys.get(1));
        assertThat(ledger.state().claimableBalances(null, false, 2)).extracting(EntryKey::forEntry)
                .containsExactly(keys.get(2), keys.get(1));

        ClosedLedger next = ledger.close(ledger.tx(sender,
                new CreateClaimableBalanceOperation.Builder("4", new AssetTypeNative(), claimants).build()));
        assertThat(ledger.state().claimableBalances(null, true, 10)).hasSize(4);
        ledger.state().revert(next.changes());
        assertThat(ledger.state().claimableBalances(null, true, 10)).extracting(EntryKey::forEntry)
                .containsExactlyElementsOf(keys);
    }
}
