package io.corridor.deployments;

import static io.corridor.deployments.PaymentScenario.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.stellar.sdk.Asset;
import org.stellar.sdk.AssetTypeCreditAlphaNum4;
import org.stellar.sdk.ChangeTrustAsset;
import org.stellar.sdk.ChangeTrustOperation;
import org.stellar.sdk.ClaimClaimableBalanceOperation;
import org.stellar.sdk.Claimant;
import org.stellar.sdk.ClawbackOperation;
import org.stellar.sdk.CreateClaimableBalanceOperation;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Operation;
import org.stellar.sdk.PaymentOperation;
import org.stellar.sdk.Predicate;
import org.stellar.sdk.SetOptionsOperation;
import org.stellar.sdk.SetTrustlineFlagsOperation;
import org.stellar.sdk.Signer;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.TransactionBuilder;
import org.stellar.sdk.responses.AccountResponse;
import org.stellar.sdk.responses.ClaimableBalanceResponse;
import org.stellar.sdk.responses.SubmitTransactionResponse;
import org.stellar.sdk.xdr.TrustLineFlags;

/**
 * An anchor bank on Corridor, driven with the official Java SDK as a bank's developer would: the bank
 * requires authorization and may revoke and claw back; it issues USD, authorizes two customers, lets them
 * pay each other, freezes one, claws back from it, pays through a claimable balance that only becomes
 * claimable at a later time, and runs its treasury as a 2-of-3 multisig account. Every balance (in smallest
 * units), flag and result code is checked, including the failures that cost a fee and those that do not.
 */
final class AnchorScenario {

    private static final long UNIT = PaymentScenario.UNIT;
    private static final long FEE = CorridorClient.BASE_FEE;
    private static final int AUTH_REQUIRED = 0x1;
    private static final int AUTH_REVOCABLE = 0x2;
    private static final int AUTH_CLAWBACK_ENABLED = 0x8;

    private final CorridorClient client;
    private final KeyPair bank = KeyPair.random();
    private final KeyPair alice = KeyPair.random();
    private final KeyPair bob = KeyPair.random();
    private final KeyPair treasury = KeyPair.random();
    private final Asset usd = new AssetTypeCreditAlphaNum4("USD", bank.getAccountId());

    private AnchorScenario(CorridorClient client) {
        this.client = client;
    }

    static void run(CorridorClient client) throws Exception {
        new AnchorScenario(client).run();
    }

    private void run() throws Exception {
        succeeds("fund the bank, two customers and the treasury", client.transaction(client.root,
                CorridorClient.createAccount(bank, "100"), CorridorClient.createAccount(alice, "100"),
                CorridorClient.createAccount(bob, "100"), CorridorClient.createAccount(treasury, "100")));

        // The bank requires authorization, may revoke it, and may claw back.
        succeeds("bank flags", client.transaction(bank, new SetOptionsOperation.Builder()
                .setSetFlags(AUTH_REQUIRED | AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED).setHomeDomain("bank.example").build()));
        AccountResponse.Flags flags = client.account(bank).getFlags();
        assertThat(flags.getAuthRequired()).isTrue();
        assertThat(flags.getAuthRevocable()).isTrue();
        assertThat(flags.getAuthClawbackEnabled()).isTrue();
        assertThat(flags.getAuthImmutable()).isFalse();
        assertThat(client.account(bank).getHomeDomain()).isEqualTo("bank.example");

        // Customers trust USD; the lines start unauthorized and clawback-enabled (inherited from the issuer).
        for (KeyPair customer : List.of(alice, bob, treasury)) {
            succeeds("trust USD", client.transaction(customer,
                    new ChangeTrustOperation.Builder(ChangeTrustAsset.create(usd), "10000").build()));
            AccountResponse.Balance line = line(customer);
            assertThat(line.getLimit()).isEqualTo("10000.0000000");
            assertThat(line.getIsAuthorized()).isFalse();
            assertThat(line.getIsAuthorizedToMaintainLiabilities()).isFalse();
            assertThat(line.getIsClawbackEnabled()).isTrue();
            assertThat(client.account(customer).getSubentryCount()).isEqualTo(1);
        }
        long bankBalance = client.balance(bank);
        failsWith("issuing to an unauthorized line", client.transaction(bank, payUsd(alice, "10")),
                "op_not_authorized");
        assertThat(client.balance(bank)).isEqualTo(bankBalance - FEE);
        assertThat(usd(alice)).isZero();

        // Authorize, issue, and let the customers pay each other.
        succeeds("authorize", client.transaction(bank, authorize(alice, true), authorize(bob, true),
                authorize(treasury, true)));
        assertThat(line(alice).getIsAuthorized()).isTrue();
        assertThat(line(bob).getIsAuthorized()).isTrue();
        succeeds("issue", client.transaction(bank, payUsd(alice, "1000"), payUsd(treasury, "500")));
        succeeds("alice pays bob", client.transaction(alice, payUsd(bob, "250.5")));
        assertThat(usd(alice)).isEqualTo(7_495 * UNIT / 10);
        assertThat(usd(bob)).isEqualTo(2_505 * UNIT / 10);
        failsWith("more than alice has", client.transaction(alice, payUsd(bob, "900")), "op_underfunded");
        // As in stellar-core, the destination is credited before the source is debited: a payment that is
        // both underfunded and over the destination's limit reports the full line.
        failsWith("beyond bob's limit", client.transaction(alice, payUsd(bob, "9900")), "op_line_full");
        failsWith("issuing beyond bob's limit", client.transaction(bank, payUsd(bob, "9800")), "op_line_full");

        // Freeze bob: he can no longer pay, and the bank claws part of his balance back.
        succeeds("freeze bob", client.transaction(bank, authorize(bob, false)));
        assertThat(line(bob).getIsAuthorized()).isFalse();
        failsWith("frozen bob pays", client.transaction(bob, payUsd(alice, "1")), "op_src_not_authorized");
        failsWith("paying frozen bob", client.transaction(alice, payUsd(bob, "1")), "op_not_authorized");
        succeeds("claw back", client.transaction(bank, new ClawbackOperation.Builder(bob.getAccountId(), usd, "100.5")
                .build()));
        assertThat(usd(bob)).isEqualTo(150 * UNIT);
        failsWith("claw back more than he has", client.transaction(bank,
                new ClawbackOperation.Builder(bob.getAccountId(), usd, "150.0000001").build()), "op_underfunded");

        // A claimable balance for bob that can be claimed only from a moment a few ledgers ahead.
        long claimableFrom = Instant.now().getEpochSecond() + 6;
        Predicate notBefore = new Predicate.Not(new Predicate.AbsBefore(claimableFrom));
        Transaction create = client.transaction(alice, new CreateClaimableBalanceOperation.Builder("50", usd,
                List.of(new Claimant(bob.getAccountId(), notBefore))).build());
        succeeds("create claimable balance", create);
        String balanceId = create.getClaimableBalanceId(0);
        assertThat(usd(alice)).isEqualTo(6_995 * UNIT / 10);
        assertThat(client.account(alice).getNumSponsoring()).as("the creator sponsors the balance's reserve").isEqualTo(1);
        // The balance as wallets see it: listed for its claimant, with the predicate the SDK parses back.
        assertThat(client.server.claimableBalances().forClaimant(bob.getAccountId()).execute().getRecords())
                .extracting(ClaimableBalanceResponse::getId).containsExactly(balanceId);
        assertThat(client.server.claimableBalances().forSponsor(alice.getAccountId()).forAsset(usd).execute()
                .getRecords()).extracting(ClaimableBalanceResponse::getId).containsExactly(balanceId);
        ClaimableBalanceResponse listed = client.server.claimableBalances().claimableBalance(balanceId);
        assertThat(listed.getAsset()).isEqualTo(usd);
        assertThat(listed.getAmount()).isEqualTo("50.0000000");
        assertThat(listed.getSponsor()).contains(alice.getAccountId());
        assertThat(listed.getFlags().getClawbackEnabled()).as("inherited from alice's clawback-enabled line").isTrue();
        assertThat(listed.getClaimants()).singleElement().satisfies(c -> {
            assertThat(c.getDestination()).isEqualTo(bob.getAccountId());
            assertThat(c.getPredicate()).isEqualTo(notBefore);
        });
        failsWith("claim too early", client.transaction(bob, claim(balanceId)), "op_cannot_claim");
        awaitLedgerCloseAfter(claimableFrom);
        failsWith("claim while frozen", client.transaction(bob, claim(balanceId)), "op_not_authorized");
        succeeds("unfreeze bob", client.transaction(bank, authorize(bob, true)));
        succeeds("claim", client.transaction(bob, claim(balanceId)));
        assertThat(usd(bob)).isEqualTo(200 * UNIT);
        failsWith("claim twice", client.transaction(bob, claim(balanceId)), "op_does_not_exist");
        assertThat(client.account(alice).getNumSponsoring()).isZero();
        assertThat(client.server.claimableBalances().forClaimant(bob.getAccountId()).execute().getRecords()).isEmpty();

        multisigTreasury();
        assertThat(usd(alice) + usd(bob) + usd(treasury))
                .as("USD outstanding = issued 1,500 − clawed back 100.5")
                .isEqualTo(13_995 * UNIT / 10);
        // The asset's statistics as explorers read them.
        var stats = client.server.assets().assetCode("USD").assetIssuer(bank.getAccountId()).execute().getRecords();
        assertThat(stats).hasSize(1);
        assertThat(stats.get(0).getNumAccounts()).as("authorized holders").isEqualTo(3);
        assertThat(stats.get(0).getAmount()).isEqualTo("1399.5000000");
        assertThat(stats.get(0).getClaimableBalancesAmount()).isEqualTo("0.0000000");
        assertThat(stats.get(0).getPagingToken()).isEqualTo("USD_" + bank.getAccountId() + "_credit_alphanum4");
    }

    /** The treasury needs two of three keys (its own and two officers') for anything. */
    private void multisigTreasury() throws IOException {
        KeyPair officer1 = KeyPair.random();
        KeyPair officer2 = KeyPair.random();
        succeeds("2-of-3", client.transaction(treasury,
                new SetOptionsOperation.Builder().setSigner(Signer.ed25519PublicKey(officer1), 1).build(),
                new SetOptionsOperation.Builder().setSigner(Signer.ed25519PublicKey(officer2), 1).build(),
                new SetOptionsOperation.Builder().setMasterKeyWeight(1).setLowThreshold(2).setMediumThreshold(2)
                        .setHighThreshold(2).build()));
        AccountResponse account = client.account(treasury);
        assertThat(account.getThresholds().getLowThreshold()).isEqualTo(2);
        assertThat(account.getThresholds().getMedThreshold()).isEqualTo(2);
        assertThat(account.getThresholds().getHighThreshold()).isEqualTo(2);
        assertThat(account.getSigners()).extracting(AccountResponse.Signer::getKey, AccountResponse.Signer::getWeight)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(officer1.getAccountId(), 1),
                        org.assertj.core.groups.Tuple.tuple(officer2.getAccountId(), 1),
                        org.assertj.core.groups.Tuple.tuple(treasury.getAccountId(), 1));
        assertThat(account.getSubentryCount()).isEqualTo(3);
        // Accounts listed by signer and by asset, in account-id order, as Horizon lists them.
        assertThat(client.server.accounts().forSigner(officer1.getAccountId()).execute().getRecords())
                .extracting(AccountResponse::getAccountId).containsExactly(treasury.getAccountId());
        assertThat(client.server.accounts().forAsset((AssetTypeCreditAlphaNum4) usd).limit(200).execute().getRecords())
                .extracting(AccountResponse::getAccountId)
                .containsExactlyElementsOf(java.util.stream.Stream.of(alice, bob, treasury).map(KeyPair::getAccountId)
                        .sorted().toList());

        long native0 = client.balance(treasury);
        long seq0 = account.getSequenceNumber();
        SubmitTransactionResponse oneKey = client.submit(signed(payUsd(alice, "100"), treasury));
        assertThat(oneKey.isSuccess()).isFalse();
        assertThat(oneKey.getExtras().getResultCodes().getTransactionResultCode()).isEqualTo("tx_bad_auth");
        assertThat(client.balance(treasury)).as("refused before a ledger: no fee").isEqualTo(native0);
        assertThat(client.account(treasury).getSequenceNumber()).isEqualTo(seq0);

        SubmitTransactionResponse twoKeys = client.submit(signed(payUsd(alice, "100"), treasury, officer1));
        assertThat(twoKeys.isSuccess()).as("master + officer: %s", codes(twoKeys)).isTrue();
        SubmitTransactionResponse officers = client.submit(signed(payUsd(alice, "100"), officer1, officer2));
        assertThat(officers.isSuccess()).as("two officers: %s", codes(officers)).isTrue();
        assertThat(usd(treasury)).isEqualTo(300 * UNIT);
        assertThat(client.balance(treasury)).isEqualTo(native0 - 2 * FEE);
    }

    private Transaction signed(Operation op, KeyPair... signers) throws IOException {
        Transaction tx = new TransactionBuilder(client.account(treasury), client.network)
                .setBaseFee(FEE).setTimeout(60).addOperation(op).build();
        for (KeyPair signer : signers) {
            tx.sign(signer);
        }
        return tx;
    }

    /** Waits until a ledger has closed at or after {@code epochSecond}, as close times come from the node. */
    private void awaitLedgerCloseAfter(long epochSecond) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            var ledger = client.server.ledgers().ledger(client.latestLedger());
            if (Instant.parse(ledger.getClosedAt()).getEpochSecond() >= epochSecond) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no ledger closed after " + Instant.ofEpochSecond(epochSecond));
    }

    private Operation payUsd(KeyPair to, String amount) {
        return new PaymentOperation.Builder(to.getAccountId(), usd, amount).build();
    }

    private Operation authorize(KeyPair trustor, boolean authorized) {
        EnumSet<TrustLineFlags> flag = EnumSet.of(TrustLineFlags.AUTHORIZED_FLAG);
        EnumSet<TrustLineFlags> none = EnumSet.noneOf(TrustLineFlags.class);
        return new SetTrustlineFlagsOperation.Builder(trustor.getAccountId(), usd, authorized ? none : flag,
                authorized ? flag : none).build();
    }

    private static Operation claim(String balanceId) {
        return new ClaimClaimableBalanceOperation.Builder(balanceId).build();
    }

    private AccountResponse.Balance line(KeyPair holder) throws IOException {
        for (AccountResponse.Balance b : client.account(holder).getBalances()) {
            if ("USD".equals(b.getAssetCode().orElse(null)) && bank.getAccountId().equals(b.getAssetIssuer().orElse(null))) {
                return b;
            }
        }
        throw new AssertionError(holder.getAccountId() + " has no USD trust line");
    }

    private long usd(KeyPair holder) throws IOException {
        return new BigDecimal(line(holder).getBalance()).movePointRight(7).longValueExact();
    }

    private void succeeds(String what, Transaction tx) throws IOException {
        SubmitTransactionResponse response = client.submit(tx);
        assertThat(response.isSuccess()).as("%s: %s", what, codes(response)).isTrue();
    }

    /** A transaction that reaches a ledger and fails there: tx_failed with the given operation code. */
    private void failsWith(String what, Transaction tx, String operationCode) throws IOException {
        SubmitTransactionResponse response = client.submit(tx);
        assertThat(response.isSuccess()).as(what).isFalse();
        assertThat(response.getExtras().getResultCodes().getTransactionResultCode()).as(what).isEqualTo("tx_failed");
        assertThat(response.getExtras().getResultCodes().getOperationsResultCodes()).as(what)
                .containsExactly(operationCode);
    }
}
