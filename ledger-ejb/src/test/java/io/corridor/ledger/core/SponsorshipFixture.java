package io.corridor.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.stellar.sdk.Asset;
import org.stellar.sdk.BeginSponsoringFutureReservesOperation;
import org.stellar.sdk.Claimant;
import org.stellar.sdk.ClaimClaimableBalanceOperation;
import org.stellar.sdk.ClawbackClaimableBalanceOperation;
import org.stellar.sdk.CreateClaimableBalanceOperation;
import org.stellar.sdk.EndSponsoringFutureReservesOperation;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Operation;
import org.stellar.sdk.Predicate;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.BeginSponsoringFutureReservesResultCode;
import org.stellar.sdk.xdr.ClaimClaimableBalanceResultCode;
import org.stellar.sdk.xdr.ClaimableBalanceEntry;
import org.stellar.sdk.xdr.ClaimableBalanceID;
import org.stellar.sdk.xdr.ClawbackClaimableBalanceResultCode;
import org.stellar.sdk.xdr.CreateClaimableBalanceResultCode;
import org.stellar.sdk.xdr.EndSponsoringFutureReservesResultCode;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.RevokeSponsorshipResultCode;

/**
 * Sponsorship and claimable balances for core tests: the operations built with the SDK as a client builds them,
 * transactions signed by every account whose operations they carry, the sponsorship counts of accounts and the
 * sponsors of entries in a {@link LedgerFixture}, and the result codes of the new operations.
 */
public final class SponsorshipFixture {

    /** One base reserve on the IQONIQ profile. */
    public static final long RESERVE = LedgerFixture.MIN_BALANCE / 2;

    private SponsorshipFixture() {
    }

    // ---------------------------------------------------------------- operations

    public static Operation beginOp(KeyPair sponsor, KeyPair sponsored) {
        return new BeginSponsoringFutureReservesOperation.Builder(sponsored.getAccountId())
                .setSourceAccount(sponsor.getAccountId()).build();
    }

    public static Operation endOp(KeyPair sponsored) {
        return new EndSponsoringFutureReservesOperation(sponsored.getAccountId());
    }

    /** {@code op} with {@code source} as its own source account. */

    public static Operation createBalanceOp(Asset asset, long amount, Claimant... claimants) {
        return new CreateClaimableBalanceOperation.Builder(LedgerFixture.amount(amount), asset,
                Arrays.asList(claimants)).build();
    }

    public static Claimant claimant(KeyPair destination, Predicate predicate) {
        return new Claimant(destination.getAccountId(), predicate);
    }

    public static Claimant anytime(KeyPair destination) {
        return claimant(destination, new Predicate.Unconditional());
    }

    public static Operation claimOp(String balanceIdHex) {
        return new ClaimClaimableBalanceOperation.Builder(balanceIdHex).build();
    }

    public static Operation clawbackBalanceOp(String balanceIdHex) {
        return new ClawbackClaimableBalanceOperation.Builder(balanceIdHex).build();
    }

    /** A transaction of {@code source} carrying {@code operations}, signed by {@code source} and {@code cosigners}. */
    public static Transaction signedTx(LedgerFixture ledger, KeyPair source, List<KeyPair> cosigners,
            Operation... operations) {
        Transaction tx = ledger.builder(source).addOperations(Arrays.asList(operations)).build();
        tx.sign(source);
        cosigners.forEach(tx::sign);
        return tx;
    }

    // ---------------------------------------------------------------- ids

    /** The id the SDK computes for the balance created by operation {@code index} of {@code tx}. */
    public static String balanceId(Transaction tx, int index) {
        try {
            return tx.getClaimableBalanceId(index);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(ClaimableBalanceID id) {
        return Hashing.hex(Xdr.encode(id::toXdrByteArray));
    }

    public static ClaimableBalanceID parseBalanceId(String hex) {
        return Xdr.decodeTrusted(Hashing.unhex(hex), ClaimableBalanceID::decode);
    }

    // ---------------------------------------------------------------- state

    public static AccountEntry account(LedgerFixture ledger, KeyPair key) {
        return ledger.account(key).orElseThrow(() -> new AssertionError("no account " + key.getAccountId()));
    }

    public static long numSponsoring(LedgerFixture ledger, KeyPair key) {
        return Accounts.numSponsoring(account(ledger, key));
    }

    public static long numSponsored(LedgerFixture ledger, KeyPair key) {
        return Accounts.numSponsored(account(ledger, key));
    }

    public static long subEntries(LedgerFixture ledger, KeyPair key) {
        return Accounts.numSubEntries(account(ledger, key));
    }

    public static long minimumBalance(LedgerFixture ledger, KeyPair key) {
        return Accounts.minimumBalance(account(ledger, key), RESERVE);
    }

    public static AccountID id(KeyPair key) {
        return Accounts.parse(key.getAccountId());
    }

    /** The sponsor recorded on the entry with {@code key}, or {@code null}. */
    public static String sponsorOf(LedgerFixture ledger, io.corridor.ledger.core.state.EntryKey key) {
        LedgerEntry entry = ledger.state().load(key).orElseThrow(() -> new AssertionError("no entry " + key));
        AccountID sponsor = Sponsorship.sponsor(entry);
        return sponsor == null ? null : Accounts.strKey(sponsor);
    }

    public static java.util.Optional<ClaimableBalanceEntry> balance(LedgerFixture ledger, String idHex) {
        return ledger.state().load(ClaimableBalances.key(parseBalanceId(idHex)))
                .map(e -> e.getData().getClaimableBalance());
    }

    public static java.util.Optional<LedgerEntry> balanceEntry(LedgerFixture ledger, String idHex) {
        return ledger.state().load(ClaimableBalances.key(parseBalanceId(idHex)));
    }

    // ---------------------------------------------------------------- results

    private static OperationResult.OperationResultTr tr(OperationResult result) {
        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opINNER);
        return result.getTr();
    }

    public static BeginSponsoringFutureReservesResultCode beginCode(OperationResult result) {
        return tr(result).getBeginSponsoringFutureReservesResult().getDiscriminant();
    }

    public static EndSponsoringFutureReservesResultCode endCode(OperationResult result) {
        return tr(result).getEndSponsoringFutureReservesResult().getDiscriminant();
    }

    public static RevokeSponsorshipResultCode revokeCode(OperationResult result) {
        return tr(result).getRevokeSponsorshipResult().getDiscriminant();
    }

    public static CreateClaimableBalanceResultCode createBalanceCode(OperationResult result) {
        return tr(result).getCreateClaimableBalanceResult().getDiscriminant();
    }

    public static ClaimClaimableBalanceResultCode claimCode(OperationResult result) {
        return tr(result).getClaimClaimableBalanceResult().getDiscriminant();
    }

    public static ClawbackClaimableBalanceResultCode clawbackBalanceCode(OperationResult result) {
        return tr(result).getClawbackClaimableBalanceResult().getDiscriminant();
    }
}
