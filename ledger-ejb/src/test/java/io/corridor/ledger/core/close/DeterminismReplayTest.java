package io.corridor.ledger.core.close;

import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.invariant.Invariants;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.Asset;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.BumpSequenceOperation;
import org.stellar.sdk.ChangeTrustAsset;
import org.stellar.sdk.ChangeTrustOperation;
import org.stellar.sdk.Claimant;
import org.stellar.sdk.CreateAccountOperation;
import org.stellar.sdk.CreateClaimableBalanceOperation;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.ManageDataOperation;
import org.stellar.sdk.Operation;
import org.stellar.sdk.PaymentOperation;
import org.stellar.sdk.Predicate;
import org.stellar.sdk.SetOptionsOperation;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.TransactionBuilder;
import org.stellar.sdk.xdr.TransactionEnvelope;

/**
 * Determinism: a generated history of thousands of mixed transactions (account creation, native and credit
 * payments, trust lines, data entries, options, sequence bumps, claimable balances; many of them failing)
 * applied twice, to two independently built ledgers, gives byte-identical headers, results and state at every
 * ledger. Generation is driven by one seed, printed on failure. The invariants run after every operation.
 */
class DeterminismReplayTest {

    private static final long SEED = 20261121L;
    private static final int LEDGERS = 120;
    private static final int TRANSACTIONS_PER_LEDGER_MAX = 30;
    private static final int ACCOUNTS_MAX = 200;

    /** The second replay verifies signatures in parallel ahead of apply: a speed-up that must change nothing. */
    @Test
    void replayingTheSameHistoryGivesByteIdenticalLedgers() {
        NetworkProfile profile = NetworkProfile.IQONIQ;
        LedgerFixture first = new LedgerFixture(profile, Invariants.strict());
        java.util.concurrent.ExecutorService verifier = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            replay(profile, first, new LedgerFixture(profile, Invariants.strict(), verifier));
        } finally {
            verifier.shutdownNow();
        }
    }

    private void replay(NetworkProfile profile, LedgerFixture first, LedgerFixture second) {
        Random random = new Random(SEED);
        List<KeyPair> accounts = new ArrayList<>();
        accounts.add(first.root());
        KeyPair issuer = LedgerFixture.key("determinism-issuer");
        Asset usd = new org.stellar.sdk.AssetTypeCreditAlphaNum4("USD", issuer.getAccountId());
        int transactions = 0;

        for (int ledger = 0; ledger < LEDGERS; ledger++) {
            List<TransactionEnvelope> envelopes = new ArrayList<>();
            List<KeyPair> sources = new ArrayList<>(accounts);
            java.util.Collections.shuffle(sources, random);
            int count = Math.min(sources.size(), 1 + random.nextInt(TRANSACTIONS_PER_LEDGER_MAX));
            for (KeyPair source : sources.subList(0, count)) {
                var account = first.account(source);
                if (account.isEmpty()) {
                    continue;
                }
                TransactionBuilder builder = LedgerFixture.builder(first.network(), source,
                        Accounts.seqNum(account.get()));
                int ops = 1 + random.nextInt(3);
                for (int i = 0; i < ops; i++) {
                    builder.addOperation(randomOperation(random, source, accounts, issuer, usd, ledger));
                }
                Transaction tx = builder.build();
                tx.sign(source);
                envelopes.add(tx.toEnvelopeXdr());
            }
            transactions += envelopes.size();
            long closeTime = first.nextCloseTime();
            ClosedLedger a = first.closeAt(closeTime, envelopes);
            ClosedLedger b = second.closeAt(closeTime, envelopes);
            assertThat(Xdr.encode(b.header()::toXdrByteArray))
                    .as("ledger %d header (seed %d)", a.sequence(), SEED)
                    .isEqualTo(Xdr.encode(a.header()::toXdrByteArray));
            assertThat(b.hash()).isEqualTo(a.hash());
            for (int i = 0; i < a.transactions().size(); i++) {
                assertThat(Xdr.encode(b.transactions().get(i).result()::toXdrByteArray))
                        .isEqualTo(Xdr.encode(a.transactions().get(i).result()::toXdrByteArray));
                assertThat(Xdr.encode(b.transactions().get(i).meta()::toXdrByteArray))
                        .isEqualTo(Xdr.encode(a.transactions().get(i).meta()::toXdrByteArray));
            }
            assertThat(second.state().stateHash()).isEqualTo(first.state().stateHash());
            // Accounts created in this ledger become sources later.
            for (KeyPair candidate : pendingAccounts) {
                if (first.account(candidate).isPresent() && !accounts.contains(candidate)) {
                    accounts.add(candidate);
                }
            }
            if (ledger == 0) {
                accounts.add(issuer);
            }
        }
        assertThat(transactions).as("history size (seed %d)", SEED).isGreaterThan(1_000);
        assertThat(accounts.size()).isGreaterThan(20);
        System.out.printf("determinism replay: %d ledgers, %d transactions, final state hash %s%n", LEDGERS,
                transactions, Hashing.hex(first.state().stateHash()));
    }

    private final List<KeyPair> pendingAccounts = new ArrayList<>();

    private Operation randomOperation(Random random, KeyPair source, List<KeyPair> accounts, KeyPair issuer,
            Asset usd, int ledger) {
        KeyPair other = accounts.get(random.nextInt(accounts.size()));
        if (ledger == 0 && pendingAccounts.isEmpty()) {
            pendingAccounts.add(issuer);
            return new CreateAccountOperation.Builder(issuer.getAccountId(), "10000").build();
        }
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                if (pendingAccounts.size() < ACCOUNTS_MAX) {
                    KeyPair fresh = LedgerFixture.key("determinism-" + pendingAccounts.size() + "-" + random.nextInt(1_000));
                    pendingAccounts.add(fresh);
                    return new CreateAccountOperation.Builder(fresh.getAccountId(), Integer.toString(20 + random.nextInt(500)))
                            .build();
                }
                return new PaymentOperation.Builder(other.getAccountId(), new AssetTypeNative(), "1").build();
            }
            case 2, 3 -> {
                return new PaymentOperation.Builder(other.getAccountId(), new AssetTypeNative(),
                        Integer.toString(1 + random.nextInt(50))).build();
            }
            case 4 -> {
                return new ChangeTrustOperation.Builder(ChangeTrustAsset.create(usd), "1000000").build();
            }
            case 5 -> {
                KeyPair payer = random.nextBoolean() ? issuer : source;
                return new PaymentOperation.Builder(other.getAccountId(), usd, Integer.toString(1 + random.nextInt(100)))
                        .setSourceAccount(payer.getAccountId()).build();
            }
            case 6 -> {
                String value = random.nextBoolean() ? "v" + random.nextInt(100) : null;
                return new ManageDataOperation.Builder("key" + random.nextInt(3),
                        value == null ? null : value.getBytes(StandardCharsets.UTF_8)).build();
            }
            case 7 -> {
                return random.nextBoolean()
                        ? new SetOptionsOperation.Builder().setHomeDomain("bank" + random.nextInt(10) + ".example").build()
                        : new BumpSequenceOperation.Builder(((long) ledger << 32) + random.nextInt(1_000)).build();
            }
            default -> {
                List<Claimant> claimants = List.of(new Claimant(other.getAccountId(), new Predicate.Unconditional()));
                return new CreateClaimableBalanceOperation.Builder(Integer.toString(1 + random.nextInt(10)),
                        new AssetTypeNative(), claimants).build();
            }
        }
    }
}
