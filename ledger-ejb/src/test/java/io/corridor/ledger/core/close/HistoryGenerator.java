package io.corridor.ledger.core.close;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * A generated history of mixed transactions (account creation, native and credit payments, trust lines, data
 * entries, options, sequence bumps, claimable balances; many of them failing), driven by one seed. Each ledger's
 * transactions are built against the current state of a reference ledger, so sequence numbers are right and
 * failures come from the rules, not from stale sources.
 */
public final class HistoryGenerator {

    private static final int TRANSACTIONS_PER_LEDGER_MAX = 30;
    private static final int ACCOUNTS_MAX = 200;

    private final Random random;
    private final List<KeyPair> accounts = new ArrayList<>();
    private final List<KeyPair> pendingAccounts = new ArrayList<>();
    private final KeyPair issuer = LedgerFixture.key("determinism-issuer");
    private final Asset usd = new org.stellar.sdk.AssetTypeCreditAlphaNum4("USD", issuer.getAccountId());
    private int ledger;
    private int transactions;

    public HistoryGenerator(long seed, KeyPair root) {
        this.random = new Random(seed);
        accounts.add(root);
    }

    /** The next ledger's transactions, built against {@code reference}'s last closed ledger. */
    public List<TransactionEnvelope> nextLedger(LedgerFixture reference) {
        List<TransactionEnvelope> envelopes = new ArrayList<>();
        List<KeyPair> sources = new ArrayList<>(accounts);
        java.util.Collections.shuffle(sources, random);
        int count = Math.min(sources.size(), 1 + random.nextInt(TRANSACTIONS_PER_LEDGER_MAX));
        for (KeyPair source : sources.subList(0, count)) {
            var account = reference.account(source);
            if (account.isEmpty()) {
                continue;
            }
            TransactionBuilder builder = LedgerFixture.builder(reference.network(), source,
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
        return envelopes;
    }

    /** After {@code reference} closed the ledger: accounts created in it become sources later. */
    public void closed(LedgerFixture reference) {
        for (KeyPair candidate : pendingAccounts) {
            if (reference.account(candidate).isPresent() && !accounts.contains(candidate)) {
                accounts.add(candidate);
            }
        }
        if (ledger == 0) {
            accounts.add(issuer);
        }
        ledger++;
    }

    public int transactions() {
        return transactions;
    }

    public int accounts() {
        return accounts.size();
    }

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
