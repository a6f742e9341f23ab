package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.Signers;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.core.state.LedgerTxn;
import java.util.Optional;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.LedgerKey;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.RevokeSponsorshipOp;
import org.stellar.sdk.xdr.RevokeSponsorshipResult;
import org.stellar.sdk.xdr.RevokeSponsorshipResultCode;
import org.stellar.sdk.xdr.RevokeSponsorshipType;
import org.stellar.sdk.xdr.TrustLineAsset;

/**
 * REVOKE_SPONSORSHIP (CAP-33): the sponsor of an entry or signer (or, when it is unsponsored, its owner) hands
 * its reserve on. Where the reserve goes depends on whom the source's own future reserves are sponsored by in
 * this transaction: nobody, or the owner, means the owner pays again (the sponsorship is removed); another
 * account means that account pays (transferred, or established when the owner was paying).
 *
 * <p>Checks in stellar-core's order. Valid: a key for an invalid, native or self-issued trust line, an offer id
 * below 1, a data name that is empty or not printable ASCII, or an entry type a classic ledger does not sponsor
 * is {@code MALFORMED}. Apply: no such entry or signer is {@code DOES_NOT_EXIST}; a source that is neither the
 * sponsor nor, unsponsored, the owner is {@code NOT_SPONSOR}; a claimable balance can only change sponsor,
 * never lose one ({@code ONLY_TRANSFERABLE}); the new payer must have the reserve ({@code LOW_RESERVE}, or
 * {@code opTOO_MANY_SPONSORING} past the counters' bound).
 */
public final class RevokeSponsorshipOpFrame extends OperationFrame {

    private final RevokeSponsorshipOp op;

    RevokeSponsorshipOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.op = operation.getBody().getRevokeSponsorshipOp();
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_MED;
    }

    @Override
    public OperationResult successResult() {
        return result(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        if (op.getDiscriminant() != RevokeSponsorshipType.REVOKE_SPONSORSHIP_LEDGER_ENTRY) {
            return null;
        }
        LedgerKey key = op.getLedgerKey();
        boolean valid = switch (key.getDiscriminant()) {
            case ACCOUNT, CLAIMABLE_BALANCE -> true;
            case TRUSTLINE -> isTrustLineKeyValid(key.getTrustLine());
            case OFFER -> key.getOffer().getOfferID().getInt64() > 0;
            case DATA -> {
                byte[] name = key.getData().getDataName().getString64().getBytes();
                yield name.length >= 1 && StellarStrings.isValid(name, ManageDataOpFrame.NAME_BYTES_MAX);
            }
            default -> false;
        };
        return valid ? null : result(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_MALFORMED);
    }

    private static boolean isTrustLineKeyValid(LedgerKey.LedgerKeyTrustLine key) {
        TrustLineAsset tlAsset = key.getAsset();
        Asset asset = new Asset();
        asset.setDiscriminant(tlAsset.getDiscriminant());
        switch (tlAsset.getDiscriminant()) {
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> asset.setAlphaNum4(tlAsset.getAlphaNum4());
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> asset.setAlphaNum12(tlAsset.getAlphaNum12());
            case ASSET_TYPE_POOL_SHARE -> {
                // A well-formed key for a line this ledger never creates: DOES_NOT_EXIST at apply.
                return true;
            }
            default -> {
                return false;
            }
        }
        return TrustLines.isAssetValid(asset) && !TrustLines.isIssuer(key.getAccountID(), asset);
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        return op.getDiscriminant() == RevokeSponsorshipType.REVOKE_SPONSORSHIP_LEDGER_ENTRY
                ? revokeEntry(ltx, ctx) : revokeSigner(ltx, ctx);
    }

    private OperationResult revokeEntry(LedgerTxn ltx, LedgerContext ctx) {
        EntryKey key = EntryKey.of(op.getLedgerKey());
        Optional<LedgerEntry> found = ltx.load(key);
        if (found.isEmpty()) {
            return result(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_DOES_NOT_EXIST);
        }
        LedgerEntry entry = found.get();
        AccountID sponsor = Sponsorship.sponsor(entry);
        AccountID owner = Sponsorship.owner(entry);
        boolean wasSponsored = sponsor != null;
        if (!Accounts.same(wasSponsored ? sponsor : owner, sourceAccount())) {
            return result(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_NOT_SPONSOR);
        }
        AccountID next = nextSponsor(ltx, owner);
        boolean willBeSponsored = next != null;
        boolean isAccount = entry.getData().getDiscriminant() == LedgerEntryType.ACCOUNT;
        if (!willBeSponsored && entry.getData().getDiscriminant() == LedgerEntryType.CLAIMABLE_BALANCE) {
            return result(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_ONLY_TRANSFERABLE);
        }
        int mult = Sponsorship.multiplier(entry);
        if (wasSponsored && willBeSponsored) {
            LedgerEntry oldEntry = loadAccount(ltx, sponsor);
            LedgerEntry newEntry = loadAccount(ltx, next);
            OperationResult failed = map(Sponsorship.canTransfer(oldEntry.getData().getAccount(),
                    newEntry.getData().getAccount(), mult, ctx.baseReserve()));
            if (failed != null) {
                return failed;
            }
            Sponsorship.transferEntry(entry, oldEntry.getData().getAccount(), newEntry.getData().getAccount());
            store(ltx, oldEntry, ctx);
            store(ltx, newEntry, ctx);
            store(ltx, entry, ctx);
        } else if (wasSponsored) {
            LedgerEntry oldEntry = loadAccount(ltx, sponsor);
            // The owner pays again; for an account, the owner is the entry itself.
            LedgerEntry ownerEntry = isAccount ? entry : loadAccount(ltx, owner);
            AccountEntry ownerAccount = ownerEntry.getData().getAccount();
            OperationResult failed = map(Sponsorship.canRemove(oldEntry.getData().getAccount(), ownerAccount, mult,
                    ctx.baseReserve()));
            if (failed != null) {
                return failed;
            }
            Sponsorship.removeEntrySponsorship(entry, oldEntry.getData().getAccount(), ownerAccount);
            store(ltx, oldEntry, ctx);
            if (!isAccount) {
                store(ltx, ownerEntry, ctx);
            }
            store(ltx, entry, ctx);
        } else if (willBeSponsored) {
            LedgerEntry newEntry = loadAccount(ltx, next);
            LedgerEntry ownerEntry = isAccount ? entry : loadAccount(ltx, owner);
            AccountEntry ownerAccount = ownerEntry.getData().getAccount();
            OperationResult failed = map(Sponsorship.canEstablish(newEntry.getData().getAccount(), ownerAccount, mult,
                    ctx.baseReserve()));
            if (failed != null) {
                return failed;
            }
            Sponsorship.establishEntry(entry, newEntry.getData().getAccount(), ownerAccount);
            store(ltx, newEntry, ctx);
            if (!isAccount) {
                store(ltx, ownerEntry, ctx);
            }
            store(ltx, entry, ctx);
        }
        // Neither sponsored before nor after: the owner keeps paying and nothing changes.
        return result(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_SUCCESS);
    }

    private OperationResult revokeSigner(LedgerTxn ltx, LedgerContext ctx) {
        AccountID accountId = op.getSigner().getAccountID();
        Optional<LedgerEntry> found = ltx.load(Accounts.key(accountId));
        if (found.isEmpty()) {
            return result(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_DOES_NOT_EXIST);
        }
        LedgerEntry accountEntry = found.get();
        AccountEntry account = accountEntry.getData().getAccount();
        int index = Signers.indexOf(account, op.getSigner().getSignerKey());
        if (index < 0) {
            return result(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_DOES_NOT_EXIST);
        }
        AccountID sponsor = Sponsorship.signerSponsor(account, index);
        boolean wasSponsored = sponsor != null;
        if (!Accounts.same(wasSponsored ? sponsor : accountId, sourceAccount())) {
            return result(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_NOT_SPONSOR);
        }
        AccountID next = nextSponsor(ltx, accountId);
        boolean willBeSponsored = next != null;
        if (wasSponsored && willBeSponsored) {
            LedgerEntry oldEntry = loadAccount(ltx, sponsor);
            LedgerEntry newEntry = loadAccount(ltx, next);
            OperationResult failed = map(Sponsorship.canTransfer(oldEntry.getData().getAccount(),
                    newEntry.getData().getAccount(), 1, ctx.baseReserve()));
            if (failed != null) {
                return failed;
            }
            Sponsorship.transferSigner(account, index, oldEntry.getData().getAccount(), newEntry.getData().getAccount());
            store(ltx, oldEntry, ctx);
            store(ltx, newEntry, ctx);
            store(ltx, accountEntry, ctx);
        } else if (wasSponsored) {
            LedgerEntry oldEntry = loadAccount(ltx, sponsor);
            OperationResult failed = map(Sponsorship.canRemove(oldEntry.getData().getAccount(), account, 1,
                    ctx.baseReserve()));
            if (failed != null) {
                return failed;
            }
            Sponsorship.removeSignerSponsorship(account, index, oldEntry.getData().getAccount());
            store(ltx, oldEntry, ctx);
            store(ltx, accountEntry, ctx);
        } else if (willBeSponsored) {
            LedgerEntry newEntry = loadAccount(ltx, next);
            OperationResult failed = map(Sponsorship.canEstablish(newEntry.getData().getAccount(), account, 1,
                    ctx.baseReserve()));
            if (failed != null) {
                return failed;
            }
            Sponsorship.establishSigner(account, index, newEntry.getData().getAccount());
            store(ltx, newEntry, ctx);
            store(ltx, accountEntry, ctx);
        }
        return result(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_SUCCESS);
    }

    /**
     * Who will pay after the revoke: the sponsor of the source's future reserves, unless there is none or it
     * is the owner, who then pays for itself ({@code null}).
     */
    private AccountID nextSponsor(LedgerTxn ltx, AccountID owner) {
        Optional<AccountID> sponsoring = ltx.futureReservesSponsor(sourceAccount());
        return sponsoring.isPresent() && !Accounts.same(sponsoring.get(), owner) ? sponsoring.get() : null;
    }

    private static LedgerEntry loadAccount(LedgerTxn ltx, AccountID id) {
        return ltx.load(Accounts.key(id)).orElseThrow(() -> new IllegalStateException(
                "sponsoring or sponsored account " + Accounts.strKey(id) + " does not exist"));
    }

    /** {@code null} on success, otherwise the operation's failure (stellar-core's processSponsorshipResult). */
    private static OperationResult map(Sponsorship.Result result) {
        return switch (result) {
            case SUCCESS -> null;
            case LOW_RESERVE -> result(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_LOW_RESERVE);
            case TOO_MANY_SPONSORING -> outer(OperationResultCode.opTOO_MANY_SPONSORING);
            case TOO_MANY_SPONSORED, TOO_MANY_SUBENTRIES -> throw new IllegalStateException(
                    "unexpected sponsorship result " + result);
        };
    }

    static OperationResult result(RevokeSponsorshipResultCode code) {
        return inner(OperationType.REVOKE_SPONSORSHIP, tr -> {
            RevokeSponsorshipResult r = new RevokeSponsorshipResult();
            r.setDiscriminant(code);
            tr.setRevokeSponsorshipResult(r);
        });
    }
}
