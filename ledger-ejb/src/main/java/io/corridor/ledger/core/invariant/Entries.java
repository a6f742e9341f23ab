package io.corridor.ledger.core.invariant;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.state.EntryChange;
import java.util.Optional;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.LedgerEntry;

/** Small readers of entries shared by the invariants. */
final class Entries {

    private Entries() {
    }

    /** Native units an entry holds: an account's balance, or a native claimable balance's amount. */
    static long nativeAmount(Optional<LedgerEntry> entry) {
        if (entry.isEmpty()) {
            return 0;
        }
        LedgerEntry.LedgerEntryData data = entry.get().getData();
        return switch (data.getDiscriminant()) {
            case ACCOUNT -> Accounts.balance(data.getAccount());
            case CLAIMABLE_BALANCE -> data.getClaimableBalance().getAsset().getDiscriminant() == AssetType.ASSET_TYPE_NATIVE
                    ? data.getClaimableBalance().getAmount().getInt64() : 0;
            default -> 0;
        };
    }

    static long nativeDelta(Iterable<EntryChange> changes) {
        long delta = 0;
        for (EntryChange change : changes) {
            delta = Math.addExact(delta, nativeAmount(change.after()) - nativeAmount(change.before()));
        }
        return delta;
    }

    /** The account owning a sub-entry (trust line, offer, data), or null for other entries. */
    static AccountID subEntryOwner(LedgerEntry entry) {
        LedgerEntry.LedgerEntryData data = entry.getData();
        return switch (data.getDiscriminant()) {
            case TRUSTLINE -> data.getTrustLine().getAccountID();
            case OFFER -> data.getOffer().getSellerID();
            case DATA -> data.getData().getAccountID();
            default -> null;
        };
    }

    static String describe(EntryChange change) {
        return change.key().type() + " " + change.key().base64();
    }
}
