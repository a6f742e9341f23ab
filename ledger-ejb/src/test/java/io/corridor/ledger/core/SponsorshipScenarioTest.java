package io.corridor.ledger.core;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.createAccountCode;
import static io.corridor.ledger.core.LedgerFixture.createAccountOp;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.SponsorshipFixture.RESERVE;
import static io.corridor.ledger.core.SponsorshipFixture.balanceEntry;
import static io.corridor.ledger.core.SponsorshipFixture.balanceId;
import static io.corridor.ledger.core.SponsorshipFixture.beginCode;
import static io.corridor.ledger.core.SponsorshipFixture.beginOp;
import static io.corridor.ledger.core.SponsorshipFixture.claimCode;
import static io.corridor.ledger.core.SponsorshipFixture.claimOp;
import static io.corridor.ledger.core.SponsorshipFixture.claimant;
import static io.corridor.ledger.core.SponsorshipFixture.createBalanceCode;
import static io.corridor.ledger.core.SponsorshipFixture.createBalanceOp;
import static io.corridor.ledger.core.SponsorshipFixture.endCode;
import static io.corridor.ledger.core.SponsorshipFixture.endOp;
import static io.corridor.ledger.core.SponsorshipFixture.hex;
import static io.corridor.ledger.core.SponsorshipFixture.minimumBalance;
import static io.corridor.ledger.core.SponsorshipFixture.numSponsored;
import static io.corridor.ledger.core.SponsorshipFixture.numSponsoring;
import static io.corridor.ledger.core.SponsorshipFixture.revokeCode;
import static io.corridor.ledger.core.SponsorshipFixture.signedTx;
import static io.corridor.ledger.core.SponsorshipFixture.sponsorOf;
import static io.corridor.ledger.core.SponsorshipFixture.subEntries;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.core.tx.ResultCodes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.ManageDataOperation;
import org.stellar.sdk.Predicate;
import org.stellar.sdk.RevokeDataSponsorshipOperation;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.BeginSponsoringFutureReservesResultCode;
import org.stellar.sdk.xdr.ClaimClaimableBalanceResultCode;
import org.stellar.sdk.xdr.ClaimPredicate;
import org.stellar.sdk.xdr.ClaimPredicateType;
import org.stellar.sdk.xdr.ClaimableBalanceEntry;
import org.stellar.sdk.xdr.CreateAccountResultCode;
import org.stellar.sdk.xdr.CreateClaimableBalanceResultCode;
import org.stellar.sdk.xdr.EndSponsoringFutureReservesResultCode;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.RevokeSponsorshipResultCode;
import org.stellar.sdk.xdr.String64;
import org.stellar.sdk.xdr.TransactionResultCode;
import org.stellar.sdk.xdr.XdrString;

/**
 * Sponsorship and claimable balances end to end, every step through a ledger close with every invariant
 * checked after every operation: a bank pays a customer through a claimable balance that can only be claimed
 * after a minute, and a bank opens an account for a customer who has no money, paying its reserves.
 */
class SponsorshipScenarioTest {

    private final LedgerFixture ledger = LedgerFixture.strict();

    private void assertCoinsAddUp() {
        long inBalances = ledger.totalBalances();
        long[] claimable = {0};
        ledger.state().forEach((k, bytes) -> {
            LedgerEntry entry = Xdr.decodeTrusted(bytes, LedgerEntry::decode);
            if (entry.getData().getDiscriminant() == org.stellar.sdk.xdr.LedgerEntryType.CLAIMABLE_BALANCE) {
                claimable[0] += entry.getData().getClaimableBalance().getAmount().getInt64();
            }
        });
        assertThat(inBalances + claimable[0] + ledger.feePool()).isEqualTo(ledger.profile().totalCoins());
    }

    @Test
    void paymentThroughAClaimableBalanceThatOpensAfterAMinute() {
        KeyPair bank = ledger.fundedAccount("bank", iqq(1_000));
        KeyPair alice = ledger.fundedAccount("alice", iqq(100));

        // 1. The bank puts 50 IQQ aside for Alice, claimable once 60 seconds have passed ("not before +60 s").
        long createdAt = ledger.nextCloseTime();
        Transaction create = ledger.tx(bank, createBalanceOp(new AssetTypeNative(), iqq(50),
                claimant(alice, new Predicate.Not(new Predicate.RelBefore(60)))));
        AppliedTransaction created = ledger.apply(create);
        assertThat(code(created.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(createBalanceCode(opResult(created.result(), 0)))
                .isEqualTo(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_SUCCESS);
        String id = balanceId(create, 0);
        assertThat(hex(opResult(created.result(), 0).getTr().getCreateClaimableBalanceResult().getBalanceID()))
                .as("the id the SDK computes").isEqualTo(id);

        LedgerEntry entry = balanceEntry(ledger, id).orElseThrow();
        ClaimableBalanceEntry balance = entry.getData().getClaimableBalance();
        assertThat(balance.getAmount().getInt64()).isEqualTo(iqq(50));
        assertThat(balance.getClaimants()).hasSize(1);
        ClaimPredicate stored = balance.getClaimants()[0].getV0().getPredicate();
        assertThat(stored.getDiscriminant()).isEqualTo(ClaimPredicateType.CLAIM_PREDICATE_NOT);
        assertThat(stored.getNotPredicate().getDiscriminant())
                .isEqualTo(ClaimPredicateType.CLAIM_PREDICATE_BEFORE_ABSOLUTE_TIME);
        assertThat(stored.getNotPredicate().getAbsBefore().getInt64()).isEqualTo(createdAt + 60);
        assertThat(Accounts.strKey(Sponsorship.sponsor(entry))).isEqualTo(bank.getAccountId());
        assertThat(ClaimableBalances.isClawbackEnabled(balance)).isFalse();
        assertThat(ledger.balance(bank)).isEqualTo(iqq(1_000) - iqq(50) - BASE_FEE);
        assertThat(numSponsoring(ledger, bank)).isEqualTo(1);
        assertThat(minimumBalance(ledger, bank)).isEqualTo(3 * RESERVE);
        assertCoinsAddUp();

        // 2. Too early: the claim fails and only costs Alice the fee.
        AppliedTransaction early = ledger.apply(ledger.tx(alice, claimOp(id)));
        assertThat(code(early.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(claimCode(opResult(early.result(), 0)))
                .isEqualTo(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_CANNOT_CLAIM);
        assertThat(ResultCodes.operation(opResult(early.result(), 0))).isEqualTo("op_cannot_claim");
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
        assertThat(balanceEntry(ledger, id)).isPresent();

        // 3. At the minute exactly the predicate holds: Alice gets the 50 IQQ, the bank its reserve.
        AppliedTransaction claimed = ledger.closeAt(createdAt + 60,
                List.of(ledger.tx(alice, claimOp(id)).toEnvelopeXdr())).transactions().get(0);
        assertThat(code(claimed.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(claimCode(opResult(claimed.result(), 0)))
                .isEqualTo(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_SUCCESS);
        assertThat(balanceEntry(ledger, id)).isEmpty();
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - 2 * BASE_FEE + iqq(50));
        assertThat(ledger.balance(bank)).isEqualTo(iqq(1_000) - iqq(50) - BASE_FEE);
        assertThat(numSponsoring(ledger, bank)).isZero();
        assertThat(minimumBalance(ledger, bank)).isEqualTo(2 * RESERVE);
        assertThat(numSponsored(ledger, alice)).isZero();
        assertCoinsAddUp();
    }

    @Test
    void bankOpensAndFundsTheReservesOfAnAccountWithNoMoney() {
        KeyPair bank = ledger.fundedAccount("bank", iqq(100));
        KeyPair carol = key("carol");

        // 1. Begin, create with a starting balance of 0, end: the bank pays Carol's two reserves.
        Transaction open = signedTx(ledger, bank, List.of(carol), beginOp(bank, carol), createAccountOp(carol, 0),
                endOp(carol));
        AppliedTransaction opened = ledger.apply(open);
        assertThat(code(opened.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(beginCode(opResult(opened.result(), 0)))
                .isEqualTo(BeginSponsoringFutureReservesResultCode.BEGIN_SPONSORING_FUTURE_RESERVES_SUCCESS);
        assertThat(createAccountCode(opResult(opened.result(), 1))).isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_SUCCESS);
        assertThat(endCode(opResult(opened.result(), 2)))
                .isEqualTo(EndSponsoringFutureReservesResultCode.END_SPONSORING_FUTURE_RESERVES_SUCCESS);
        assertThat(ledger.balance(carol)).isZero();
        assertThat(ledger.seqNum(carol)).isEqualTo(((long) ledger.lastSequence()) << 32);
        assertThat(numSponsored(ledger, carol)).isEqualTo(2);
        assertThat(numSponsoring(ledger, carol)).isZero();
        assertThat(minimumBalance(ledger, carol)).isZero();
        assertThat(sponsorOf(ledger, LedgerFixture.accountKey(carol))).isEqualTo(bank.getAccountId());
        assertThat(ledger.balance(bank)).isEqualTo(iqq(100) - 3 * BASE_FEE);
        assertThat(numSponsoring(ledger, bank)).isEqualTo(2);
        assertThat(minimumBalance(ledger, bank)).isEqualTo(4 * RESERVE);
        assertCoinsAddUp();

        // 2. The bank also pays for a data entry of Carol's; Carol signs for her own operation.
        Transaction data = signedTx(ledger, bank, List.of(carol), beginOp(bank, carol),
                new ManageDataOperation.Builder("kyc", "ok".getBytes(StandardCharsets.US_ASCII))
                        .setSourceAccount(carol.getAccountId()).build(),
                endOp(carol));
        assertThat(code(ledger.apply(data).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        EntryKey dataKey = EntryKey.data(SponsorshipFixture.id(carol), new String64(new XdrString("kyc")));
        assertThat(sponsorOf(ledger, dataKey)).isEqualTo(bank.getAccountId());
        assertThat(subEntries(ledger, carol)).isEqualTo(1);
        assertThat(numSponsored(ledger, carol)).isEqualTo(3);
        assertThat(numSponsoring(ledger, bank)).isEqualTo(3);
        assertThat(minimumBalance(ledger, carol)).isZero();
        assertThat(minimumBalance(ledger, bank)).isEqualTo(5 * RESERVE);
        assertThat(ledger.balance(bank)).isEqualTo(iqq(100) - 6 * BASE_FEE);

        // 3. The bank cannot hand the entry's reserve back to Carol, who has nothing to pay it with.
        AppliedTransaction revoke = ledger.apply(ledger.tx(bank, new RevokeDataSponsorshipOperation.Builder(
                carol.getAccountId(), "kyc").build()));
        assertThat(code(revoke.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(revokeCode(opResult(revoke.result(), 0)))
                .isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_LOW_RESERVE);
        assertThat(numSponsoring(ledger, bank)).isEqualTo(3);
        assertThat(sponsorOf(ledger, dataKey)).isEqualTo(bank.getAccountId());

        // 4. A sponsorship the transaction does not end fails it as a whole, after the fee and the sequence.
        long seq = ledger.seqNum(bank);
        AppliedTransaction unended = ledger.apply(ledger.tx(bank, beginOp(bank, key("dave"))));
        assertThat(code(unended.result())).isEqualTo(TransactionResultCode.txBAD_SPONSORSHIP);
        assertThat(ResultCodes.transaction(unended.result())).isEqualTo("tx_bad_sponsorship");
        assertThat(unended.result().getResult().getResults()).isNull();
        assertThat(unended.meta().getV2().getOperations()).isEmpty();
        assertThat(ledger.seqNum(bank)).isEqualTo(seq + 1);
        assertThat(ledger.balance(bank)).isEqualTo(iqq(100) - 8 * BASE_FEE);
        assertThat(numSponsoring(ledger, bank)).isEqualTo(3);
        assertCoinsAddUp();
    }

    @Test
    void aSponsorCannotMergeAwayButASponsoredAccountCanAndReleasesItsSponsor() {
        KeyPair bank = ledger.fundedAccount("bank", iqq(100));
        KeyPair erin = key("erin");
        KeyPair cosigner = key("erin-cosigner");
        ledger.apply(signedTx(ledger, bank, List.of(erin), beginOp(bank, erin), createAccountOp(erin, iqq(5)),
                new org.stellar.sdk.SetOptionsOperation.Builder()
                        .setSigner(Signers.ed25519(SponsorshipFixture.id(cosigner)), 1)
                        .setSourceAccount(erin.getAccountId()).build(),
                endOp(erin)));
        assertThat(numSponsoring(ledger, bank)).isEqualTo(3);
        assertThat(numSponsored(ledger, erin)).isEqualTo(3);
        assertThat(subEntries(ledger, erin)).isEqualTo(1);

        AppliedTransaction bankMerge = ledger.apply(ledger.tx(bank,
                new org.stellar.sdk.AccountMergeOperation.Builder(ledger.root().getAccountId()).build()));
        assertThat(code(bankMerge.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(ResultCodes.operation(opResult(bankMerge.result(), 0))).isEqualTo("op_is_sponsor");

        // Erin's merge needs a ledger whose starting sequence number is above hers.
        ledger.apply(ledger.payment(bank, bank, 1));
        Transaction merge = signedTx(ledger, erin, List.of(), new org.stellar.sdk.AccountMergeOperation.Builder(
                bank.getAccountId()).build());
        AppliedTransaction erinMerge = ledger.apply(merge);
        assertThat(code(erinMerge.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(ledger.exists(erin)).isFalse();
        assertThat(numSponsoring(ledger, bank)).isZero();
        assertThat(ledger.balance(bank)).isEqualTo(iqq(100) - iqq(5) - 6 * BASE_FEE + iqq(5) - BASE_FEE);
        assertCoinsAddUp();
    }
}
