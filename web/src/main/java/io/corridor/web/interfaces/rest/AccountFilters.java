package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.LedgerNode.AccountView;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Signers;
import io.corridor.ledger.core.Sponsorship;
import org.stellar.sdk.StrKey;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SignerKeyType;

/** The filters of {@code GET /accounts}, as Horizon applies them. */
final class AccountFilters {

    private AccountFilters() {
    }

    /** The key signs for the account: its own master key with a weight, or one of its Ed25519 signers. */
    static boolean hasSigner(AccountView view, String key) {
        AccountEntry account = view.account().getData().getAccount();
        if (Accounts.strKey(account.getAccountID()).equals(key)) {
            return Accounts.threshold(account, Accounts.THRESHOLD_MASTER_WEIGHT) > 0;
        }
        for (Signer signer : Signers.of(account)) {
            if (signer.getKey().getDiscriminant() == SignerKeyType.SIGNER_KEY_TYPE_ED25519
                    && StrKey.encodeEd25519PublicKey(signer.getKey().getEd25519().getUint256()).equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The account has a trust line to the asset ({@code CODE:ISSUER}). */
    static boolean holds(AccountView view, String canonicalAsset) {
        for (LedgerEntry entry : view.owned()) {
            if (entry.getData().getDiscriminant() == LedgerEntryType.TRUSTLINE) {
                var asset = entry.getData().getTrustLine().getAsset();
                if (asset.getAlphaNum4() == null && asset.getAlphaNum12() == null) {
                    continue;
                }
                if (AssetJson.canonical(io.corridor.ledger.core.TrustLines.asset(asset)).equals(canonicalAsset)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The sponsor pays the reserve of the account itself, of one of its sub-entries, or of one of its signers. */
    static boolean sponsoredBy(AccountView view, String sponsor) {
        if (is(Sponsorship.sponsor(view.account()), sponsor)) {
            return true;
        }
        for (LedgerEntry entry : view.owned()) {
            if (is(Sponsorship.sponsor(entry), sponsor)) {
                return true;
            }
        }
        AccountEntry account = view.account().getData().getAccount();
        for (int i = 0; i < Signers.of(account).length; i++) {
            if (is(Sponsorship.signerSponsor(account, i), sponsor)) {
                return true;
            }
        }
        return false;
    }

    private static boolean is(AccountID id, String strKey) {
        return id != null && Accounts.strKey(id).equals(strKey);
    }
}
