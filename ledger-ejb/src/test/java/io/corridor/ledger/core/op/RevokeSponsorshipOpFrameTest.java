package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.SponsorshipFixture.anytime;
import static io.corridor.ledger.core.SponsorshipFixture.balanceEntry;
import static io.corridor.ledger.core.SponsorshipFixture.balanceId;
import static io.corridor.ledger.core.SponsorshipFixture.beginOp;
import static io.corridor.ledger.core.SponsorshipFixture.createBalanceOp;
import static io.corridor.ledger.core.SponsorshipFixture.endOp;
import static io.corridor.ledger.core.SponsorshipFixture.numSponsored;
import static io.corridor.ledger.core.SponsorshipFixture.numSponsoring;
import static io.corridor.ledger.core.SponsorshipFixture.revokeCode;
import static io.corridor.ledger.core.SponsorshipFixture.signedTx;
import static io.corridor.ledger.core.SponsorshipFixture.sponsorOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.Signers;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.core.tx.ResultCodes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.ManageDataOperation;
import org.stellar.sdk.Operation;
import org.stellar.sdk.RevokeAccountSponsorshipOperation;
import org.stellar.sdk.RevokeClaimableBalanceSponsorshipOperation;
import org.stellar.sdk.RevokeDataSponsorshipOperation;
import org.stellar.sdk.RevokeSignerSponsorshipOperation;
import org.stellar.sdk.SetOptionsOperation;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerKey;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.RevokeSponsorshipResultCode;
import org.stellar.sdk.xdr.String64;
import org.stellar.sdk.xdr.TransactionResultCode;
import org.stellar.sdk.xdr.XdrString;

/**
 * REVOKE_SPONSORSHIP of entries and signers, each result code and each of its outcomes (removed, established,
 * transferred), through ledger closes with every invariant after every operation.
 */
class RevokeSponsorshipOpFrameTest {

    private LedgerFixture ledger;
    private KeyPair sponsor;
    private KeyPair other;
    private KeyPair alice;

    @BeforeEach
    void setUp() {
        ledger = LedgerFixture.strict();
        sponsor = ledger.fundedAccount("sponsor", iqq(100));
        other = ledger.fundedAccount("other", iqq(100));
        alice = ledger.fundedAccount("alice", iqq(100));
    }

    private static Operation put(KeyPair owner, String name) {
        return new ManageDataOperation.Builder(name, "v".getBytes(StandardCharsets.US_ASCII))
                .setSourceAccount(owner.getAccountId()).build();
    }

    private static Operation revokeData(KeyPair owner, String name) {
        return new RevokeDataSponsorshipOperation.Builder(owner.getAccountId(), name).build();
    }

    private static EntryKey dataKey(KeyPair owner, String name) {
        return EntryKey.data(Accounts.parse(owner.getAccountId()), new String64(new XdrString(name)));
    }

    /** Alice's data entry {@code name}, its reserve paid by the sponsor. */
    private void sponsoredData(String name) {
        Transaction tx = signedTx(ledger, sponsor, List.of(alice), beginOp(sponsor, alice), put(alice, name),
                endOp(alice));
        assertThat(code(ledger.apply(tx).result())).isEqualTo(TransactionResultCode.txSUCCESS);
    }

    private AppliedTransaction apply(KeyPair source, Operation... ops) {
        return ledger.apply(ledger.tx(source, ops));
    }

    @Test
    void theSponsorRevokingHandsTheReserveBackToTheOwner() {
        sponsoredData("kyc");
        assertThat(numSponsoring(ledger, sponsor)).isEqualTo(1);

        AppliedTransaction applied = apply(sponsor, revokeData(alice, "kyc"));

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(revokeCode(opResult(applied.result(), 0))).isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_SUCCESS);
        assertThat(sponsorOf(ledger, dataKey(alice, "kyc"))).isNull();
        assertThat(numSponsoring(ledger, sponsor)).isZero();
        assertThat(numSponsored(ledger, alice)).isZero();
        assertThat(Accounts.minimumBalance(ledger.account(alice).orElseThrow(), LedgerFixture.MIN_BALANCE / 2))
                .isEqualTo(3 * (LedgerFixture.MIN_BALANCE / 2));
        assertThat(ledger.balance(sponsor)).isEqualTo(iqq(100) - 4 * BASE_FEE);
    }

    @Test
    void theOwnerRevokingInsideAnotherSponsorshipHandsTheReserveToThatSponsor() {
        apply(alice, put(alice, "kyc"));
        Transaction tx = signedTx(ledger, alice, List.of(sponsor), beginOp(sponsor, alice), revokeData(alice, "kyc"),
                endOp(alice));

        assertThat(code(ledger.apply(tx).result())).isEqualTo(TransactionResultCode.txSUCCESS);

        assertThat(sponsorOf(ledger, dataKey(alice, "kyc"))).isEqualTo(sponsor.getAccountId());
        assertThat(numSponsoring(ledger, sponsor)).isEqualTo(1);
        assertThat(numSponsored(ledger, alice)).isEqualTo(1);
    }

    @Test
    void theSponsorRevokingInsideAnotherSponsorshipTransfersTheReserve() {
        sponsoredData("kyc");
        Transaction tx = signedTx(ledger, sponsor, List.of(other), beginOp(other, sponsor), revokeData(alice, "kyc"),
                endOp(sponsor));

        assertThat(code(ledger.apply(tx).result())).isEqualTo(TransactionResultCode.txSUCCESS);

        assertThat(sponsorOf(ledger, dataKey(alice, "kyc"))).isEqualTo(other.getAccountId());
        assertThat(numSponsoring(ledger, sponsor)).isZero();
        assertThat(numSponsoring(ledger, other)).isEqualTo(1);
        assertThat(numSponsored(ledger, alice)).isEqualTo(1);
    }

    @Test
    void revokingAnUnsponsoredEntryOfOnesOwnChangesNothing() {
        apply(alice, put(alice, "kyc"));

        AppliedTransaction applied = apply(alice, revokeData(alice, "kyc"));

        assertThat(revokeCode(opResult(applied.result(), 0))).isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_SUCCESS);
        assertThat(applied.meta().getV2().getOperations()[0].getChanges().getLedgerEntryChanges()).isEmpty();
    }

    @Test
    void aMissingEntryOrSignerDoesNotExist() {
        assertThat(revokeCode(opResult(apply(alice, revokeData(alice, "none")).result(), 0)))
                .isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_DOES_NOT_EXIST);
        assertThat(revokeCode(opResult(apply(alice, new RevokeAccountSponsorshipOperation.Builder(
                key("nobody").getAccountId()).build()).result(), 0)))
                .isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_DOES_NOT_EXIST);
        assertThat(revokeCode(opResult(apply(alice, new RevokeSignerSponsorshipOperation.Builder(
                key("nobody").getAccountId(), Signers.ed25519(Accounts.parse(other.getAccountId()))).build())
                .result(), 0))).isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_DOES_NOT_EXIST);
        AppliedTransaction noSigner = apply(alice, new RevokeSignerSponsorshipOperation.Builder(alice.getAccountId(),
                Signers.ed25519(Accounts.parse(other.getAccountId()))).build());
        assertThat(revokeCode(opResult(noSigner.result(), 0)))
                .isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_DOES_NOT_EXIST);
        assertThat(ResultCodes.operation(opResult(noSigner.result(), 0))).isEqualTo("op_does_not_exist");
    }

    @Test
    void neitherTheSponsorNorTheUnsponsoredOwnerIsNotSponsor() {
        apply(alice, put(alice, "own"));
        sponsoredData("sponsored");

        AppliedTransaction ofUnsponsored = apply(other, revokeData(alice, "own"));
        assertThat(revokeCode(opResult(ofUnsponsored.result(), 0)))
                .isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_NOT_SPONSOR);
        assertThat(ResultCodes.operation(opResult(ofUnsponsored.result(), 0))).isEqualTo("op_not_sponsor");
        assertThat(revokeCode(opResult(apply(alice, revokeData(alice, "sponsored")).result(), 0)))
                .as("the owner of a sponsored entry").isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_NOT_SPONSOR);
        assertThat(revokeCode(opResult(apply(other, new RevokeAccountSponsorshipOperation.Builder(
                alice.getAccountId()).build()).result(), 0))).isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_NOT_SPONSOR);
    }

    @Test
    void anOwnerThatCannotPayTheReserveIsLowReserve() {
        sponsoredData("kyc");
        ledger.updateAccount(alice, a -> a.setBalance(new Int64(LedgerFixture.MIN_BALANCE)));

        AppliedTransaction applied = apply(sponsor, revokeData(alice, "kyc"));

        assertThat(revokeCode(opResult(applied.result(), 0))).isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_LOW_RESERVE);
        assertThat(sponsorOf(ledger, dataKey(alice, "kyc"))).isEqualTo(sponsor.getAccountId());
        ledger.updateAccount(alice, a -> a.setBalance(new Int64(iqq(100))));
    }

    @Test
    void aNewSponsorAtTheCounterBoundIsTooManySponsoring() {
        apply(alice, put(alice, "kyc"));
        ledger.updateAccount(sponsor, a -> {
            var v2 = Sponsorship.prepareExtensionV2(a);
            v2.setNumSponsoring(Accounts.uint32(0xFFFF_FFFFL));
            v2.setNumSponsored(Accounts.uint32(0xFFFF_FFFFL));
        });
        Transaction tx = signedTx(ledger, alice, List.of(sponsor), beginOp(sponsor, alice), revokeData(alice, "kyc"),
                endOp(alice));

        AppliedTransaction applied = ledger.apply(tx);

        assertThat(opResult(applied.result(), 1).getDiscriminant()).isEqualTo(OperationResultCode.opTOO_MANY_SPONSORING);
        assertThat(ResultCodes.operation(opResult(applied.result(), 1))).isEqualTo("op_too_many_sponsoring");
    }

    @Test
    void aClaimableBalanceCanOnlyChangeSponsor() {
        Transaction create = ledger.tx(alice, createBalanceOp(new AssetTypeNative(), 1, anytime(other)));
        ledger.apply(create);
        String id = balanceId(create, 0);
        Operation revoke = new RevokeClaimableBalanceSponsorshipOperation.Builder(id).build();

        AppliedTransaction alone = apply(alice, revoke);
        assertThat(revokeCode(opResult(alone.result(), 0)))
                .isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_ONLY_TRANSFERABLE);
        assertThat(ResultCodes.operation(opResult(alone.result(), 0))).isEqualTo("op_only_transferable");
        assertThat(revokeCode(opResult(apply(other, revoke).result(), 0)))
                .isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_NOT_SPONSOR);

        Transaction transfer = signedTx(ledger, alice, List.of(sponsor), beginOp(sponsor, alice), revoke, endOp(alice));
        assertThat(code(ledger.apply(transfer).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(Accounts.strKey(Sponsorship.sponsor(balanceEntry(ledger, id).orElseThrow())))
                .isEqualTo(sponsor.getAccountId());
        assertThat(numSponsoring(ledger, alice)).isZero();
        assertThat(numSponsoring(ledger, sponsor)).isEqualTo(1);
    }

    @Test
    void signerSponsorshipsAreEstablishedAndRemovedLikeEntries() {
        KeyPair cosigner = key("cosigner");
        var signerKey = Signers.ed25519(Accounts.parse(cosigner.getAccountId()));
        apply(alice, new SetOptionsOperation.Builder().setSigner(signerKey, 1).build());
        Operation revoke = new RevokeSignerSponsorshipOperation.Builder(alice.getAccountId(), signerKey).build();

        Transaction establish = signedTx(ledger, alice, List.of(sponsor), beginOp(sponsor, alice), revoke, endOp(alice));
        assertThat(code(ledger.apply(establish).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(Accounts.strKey(Sponsorship.signerSponsor(ledger.account(alice).orElseThrow(), 0)))
                .isEqualTo(sponsor.getAccountId());
        assertThat(numSponsored(ledger, alice)).isEqualTo(1);
        assertThat(numSponsoring(ledger, sponsor)).isEqualTo(1);

        assertThat(revokeCode(opResult(apply(other, revoke).result(), 0)))
                .isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_NOT_SPONSOR);
        Transaction transfer = signedTx(ledger, sponsor, List.of(other), beginOp(other, sponsor), revoke, endOp(sponsor));
        assertThat(code(ledger.apply(transfer).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(numSponsoring(ledger, other)).isEqualTo(1);
        assertThat(numSponsoring(ledger, sponsor)).isZero();

        assertThat(revokeCode(opResult(apply(other, revoke).result(), 0)))
                .isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_SUCCESS);
        assertThat(Sponsorship.signerSponsor(ledger.account(alice).orElseThrow(), 0)).isNull();
        assertThat(numSponsored(ledger, alice)).isZero();
        assertThat(numSponsoring(ledger, other)).isZero();
        assertThat(Accounts.numSubEntries(ledger.account(alice).orElseThrow())).isEqualTo(1);
    }

    @Test
    void keysThatCannotNameASponsorableEntryAreMalformed() {
        LedgerKey emptyName = dataLedgerKey(new byte[0]);
        LedgerKey badName = dataLedgerKey("a\nb".getBytes(StandardCharsets.US_ASCII));
        LedgerKey offerZero = EntryKey.offer(Accounts.parse(alice.getAccountId()), 0).toLedgerKey();
        LedgerKey selfIssued = io.corridor.ledger.core.CreditFixture.trustLineKey(alice,
                io.corridor.ledger.core.CreditFixture.usd(alice)).toLedgerKey();
        LedgerKey pool = new LedgerKey();
        pool.setDiscriminant(LedgerEntryType.LIQUIDITY_POOL);
        LedgerKey.LedgerKeyLiquidityPool poolKey = new LedgerKey.LedgerKeyLiquidityPool();
        poolKey.setLiquidityPoolID(new org.stellar.sdk.xdr.PoolID(new org.stellar.sdk.xdr.Hash(new byte[32])));
        pool.setLiquidityPool(poolKey);

        for (LedgerKey key : List.of(emptyName, badName, offerZero, selfIssued, pool)) {
            org.stellar.sdk.xdr.Operation op = revokeData(alice, "x").toXdr();
            op.getBody().getRevokeSponsorshipOp().setLedgerKey(key);
            assertThat(revokeCode(OperationFrame.of(op, Accounts.parse(alice.getAccountId()))
                    .doCheckValid(ledger.nextContext())))
                    .as(key.getDiscriminant().name()).isEqualTo(RevokeSponsorshipResultCode.REVOKE_SPONSORSHIP_MALFORMED);
        }
    }

    private LedgerKey dataLedgerKey(byte[] name) {
        LedgerKey.LedgerKeyData data = new LedgerKey.LedgerKeyData();
        data.setAccountID(Accounts.parse(alice.getAccountId()));
        data.setDataName(new String64(new XdrString(name)));
        LedgerKey key = new LedgerKey();
        key.setDiscriminant(LedgerEntryType.DATA);
        key.setData(data);
        return key;
    }

    @Test
    void resultCodesHaveHorizonsNames() {
        String[][] expected = {
                {"REVOKE_SPONSORSHIP_SUCCESS", "op_success"},
                {"REVOKE_SPONSORSHIP_DOES_NOT_EXIST", "op_does_not_exist"},
                {"REVOKE_SPONSORSHIP_NOT_SPONSOR", "op_not_sponsor"},
                {"REVOKE_SPONSORSHIP_LOW_RESERVE", "op_low_reserve"},
                {"REVOKE_SPONSORSHIP_ONLY_TRANSFERABLE", "op_only_transferable"},
                {"REVOKE_SPONSORSHIP_MALFORMED", "op_malformed"}};
        assertThat(expected.length).isEqualTo(RevokeSponsorshipResultCode.values().length);
        for (String[] pair : expected) {
            assertThat(ResultCodes.operation(RevokeSponsorshipOpFrame.result(RevokeSponsorshipResultCode.valueOf(pair[0]))))
                    .as(pair[0]).isEqualTo(pair[1]);
        }
    }
}
