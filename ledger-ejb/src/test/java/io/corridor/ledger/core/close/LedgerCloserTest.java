package io.corridor.ledger.core.close;

import static io.corridor.ledger.core.LedgerFixture.builder;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.paymentOp;
import static io.corridor.ledger.core.LedgerFixture.xdr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.state.LiveState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionResultPair;
import org.stellar.sdk.xdr.TransactionResultSet;

/** Genesis, the header chain, and the determinism of closing a ledger. */
class LedgerCloserTest {

    private static final byte[] ZERO_HASH = new byte[32];

    @Test
    void genesisPutsEveryCoinInTheRootAccount() {
        LedgerFixture ledger = new LedgerFixture();
        ClosedLedger genesis = ledger.genesis();
        LedgerHeader header = genesis.header();

        assertThat(ledger.profile().totalCoins()).isEqualTo(100_000_000_000L * 10_000_000L);
        assertThat(ledger.closer().rootAccount().getAccountID().getEd25519().getUint256())
                .isEqualTo(ledger.root().getPublicKey());
        AccountEntry root = ledger.account(ledger.root()).orElseThrow();
        assertThat(Accounts.balance(root)).isEqualTo(1_000_000_000_000_000_000L);
        assertThat(Accounts.seqNum(root)).isZero();
        assertThat(root.getThresholds().getThresholds()).containsExactly(1, 0, 0, 0);
        assertThat(ledger.state().size()).isEqualTo(1);

        assertThat(genesis.sequence()).isEqualTo(1);
        assertThat(header.getLedgerSeq().getUint32().getNumber()).isEqualTo(1);
        assertThat(header.getPreviousLedgerHash().getHash()).isEqualTo(ZERO_HASH);
        assertThat(header.getTxSetResultHash().getHash()).isEqualTo(ZERO_HASH);
        assertThat(header.getScpValue().getTxSetHash().getHash()).isEqualTo(ZERO_HASH);
        assertThat(genesis.closeTime()).isZero();
        assertThat(header.getTotalCoins().getInt64()).isEqualTo(1_000_000_000_000_000_000L);
        assertThat(header.getFeePool().getInt64()).isZero();
        assertThat(header.getBaseFee().getUint32().getNumber()).isEqualTo(1_000);
        assertThat(header.getBaseReserve().getUint32().getNumber()).isEqualTo(100_000_000);
        assertThat(header.getLedgerVersion().getUint32().getNumber()).isEqualTo(NetworkProfile.PROTOCOL_VERSION);
        assertThat(header.getMaxTxSetSize().getUint32().getNumber()).isEqualTo(1_000);
        assertThat(header.getBucketListHash().getHash()).isEqualTo(ledger.state().stateHash());
        assertThat(header.getSkipList()).extracting(Hash::getHash).containsOnly(ZERO_HASH);
        assertThat(genesis.hash()).isEqualTo(Hashing.sha256(xdr(header::toXdrByteArray)))
                .isEqualTo(LedgerCloser.headerHash(header));
        assertThat(genesis.changes()).singleElement().satisfies(change -> assertThat(change.isCreated()).isTrue());
        assertThat(genesis.transactions()).isEmpty();
    }

    @Test
    void genesisOfTheSameProfileIsTheSameLedgerAndOtherPassphrasesDiffer() {
        LedgerFixture one = new LedgerFixture();
        LedgerFixture two = new LedgerFixture();
        LedgerFixture other = new LedgerFixture(NetworkProfile.IQONIQ.withPassphrase("Private Corridor ; 2026"));

        assertThat(two.genesis().hash()).isEqualTo(one.genesis().hash());
        assertThat(other.genesis().hash()).isNotEqualTo(one.genesis().hash());
        assertThat(other.root().getAccountId()).isNotEqualTo(one.root().getAccountId());
    }

    @Test
    void genesisNeedsAnEmptyState() {
        LedgerFixture ledger = new LedgerFixture();

        assertThatThrownBy(() -> ledger.closer().genesis(ledger.state())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyHeaderCommitsToThePreviousOne() {
        LedgerFixture ledger = new LedgerFixture();
        KeyPair alice = key("alice");
        List<ClosedLedger> chain = new ArrayList<>(List.of(ledger.genesis()));

        chain.add(ledger.close(ledger.createAccount(ledger.root(), alice, iqq(100))));
        chain.add(ledger.close());
        chain.add(ledger.close(ledger.payment(alice, ledger.root(), iqq(1))));

        for (int i = 1; i < chain.size(); i++) {
            ClosedLedger previous = chain.get(i - 1);
            ClosedLedger current = chain.get(i);
            assertThat(current.sequence()).isEqualTo(previous.sequence() + 1);
            assertThat(current.header().getPreviousLedgerHash().getHash()).isEqualTo(previous.hash());
            assertThat(current.hash()).isEqualTo(LedgerCloser.headerHash(current.header()));
            assertThat(current.header().getScpValue().getTxSetHash().getHash()).isEqualTo(current.txSet().hash());
            assertThat(current.txSet().previousLedgerHash()).isEqualTo(previous.hash());
            assertThat(current.closeTime()).isGreaterThan(previous.closeTime());
            assertThat(current.header().getTotalCoins().getInt64()).isEqualTo(ledger.profile().totalCoins());
        }
        assertThat(chain).extracting(ClosedLedger::sequence).containsExactly(1, 2, 3, 4);
        assertThat(chain.get(1).closeTime()).isEqualTo(LedgerFixture.FIRST_CLOSE_TIME);
    }

    @Test
    void txSetResultHashCommitsToTheResults() {
        LedgerFixture ledger = new LedgerFixture();
        KeyPair alice = key("alice");

        ClosedLedger empty = ledger.close();
        ClosedLedger withCreate = ledger.close(ledger.createAccount(ledger.root(), alice, iqq(100)));
        ClosedLedger withFailure = ledger.close(ledger.payment(alice, key("nobody"), iqq(1)));

        assertThat(hashOf(empty)).isEqualTo(Hashing.sha256(new byte[4])); // an empty XDR array
        assertThat(empty.header().getTxSetResultHash().getHash()).isEqualTo(hashOf(empty));
        assertThat(withCreate.header().getTxSetResultHash().getHash()).isEqualTo(hashOf(withCreate));
        assertThat(withFailure.header().getTxSetResultHash().getHash()).isEqualTo(hashOf(withFailure));
        assertThat(List.of(hashOf(empty), hashOf(withCreate), hashOf(withFailure)).stream().map(Hashing::hex))
                .doesNotHaveDuplicates()
                .doesNotContain(Hashing.hex(ZERO_HASH));
    }

    /** SHA-256 of the ledger's TransactionResultSet: (hash, result) pairs in apply order. */
    private static byte[] hashOf(ClosedLedger ledger) {
        TransactionResultSet set = new TransactionResultSet();
        set.setResults(ledger.transactions().stream().map(t -> {
            TransactionResultPair pair = new TransactionResultPair();
            pair.setTransactionHash(new Hash(t.frame().hash()));
            pair.setResult(t.result());
            return pair;
        }).toArray(TransactionResultPair[]::new));
        return Hashing.sha256(xdr(set::toXdrByteArray));
    }

    @Test
    void bucketListHashFollowsTheState() {
        LedgerFixture ledger = new LedgerFixture();
        byte[] genesisStateHash = ledger.genesis().header().getBucketListHash().getHash();

        ClosedLedger empty = ledger.close();
        assertThat(empty.header().getBucketListHash().getHash()).isEqualTo(genesisStateHash);
        assertThat(empty.changes()).isEmpty();

        ClosedLedger changed = ledger.close(ledger.createAccount(ledger.root(), key("alice"), iqq(100)));
        assertThat(changed.header().getBucketListHash().getHash())
                .isNotEqualTo(genesisStateHash)
                .isEqualTo(ledger.state().stateHash());
        assertThat(changed.changes()).hasSize(2);
    }

    @Test
    void incrementalStateHashEqualsTheHashOfTheSameEntriesLoadedAfresh() {
        LedgerFixture ledger = new LedgerFixture();
        KeyPair alice = key("alice");
        ledger.close(ledger.createAccount(ledger.root(), alice, iqq(100)));
        ledger.close(ledger.createAccount(ledger.root(), key("bob"), iqq(100)));
        ledger.close(ledger.payment(alice, key("bob"), iqq(3)));

        LiveState reloaded = new LiveState();
        ledger.state().forEach((key, bytes) -> reloaded.put(io.corridor.ledger.core.Xdr.decodeTrusted(bytes,
                LedgerEntry::decode)));

        assertThat(reloaded.size()).isEqualTo(3);
        assertThat(reloaded.stateHash()).isEqualTo(ledger.state().stateHash())
                .isEqualTo(ledger.lastHeader().getBucketListHash().getHash());
    }

    @Test
    void sameTransactionSetOnIdenticalStatesGivesByteIdenticalLedgers() {
        LedgerFixture one = new LedgerFixture();
        LedgerFixture two = new LedgerFixture();
        KeyPair root = one.root();
        List<KeyPair> accounts = List.of(key("a"), key("b"), key("c"), key("d"));
        List<List<TransactionEnvelope>> ledgers = new ArrayList<>();
        // Ledger 2: root funds four accounts in four transactions (shuffled apply order by hash).
        List<TransactionEnvelope> funding = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            Transaction tx = builder(one.network(), root, i).addOperation(
                    LedgerFixture.createAccountOp(accounts.get(i), iqq(100 + i))).build();
            tx.sign(root);
            funding.add(tx.toEnvelopeXdr());
        }
        ledgers.add(funding);
        // Ledger 3: every account pays the next one, and one payment fails.
        List<TransactionEnvelope> payments = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            KeyPair from = accounts.get(i);
            Transaction tx = builder(one.network(), from, 2L << 32)
                    .addOperation(paymentOp(accounts.get((i + 1) % accounts.size()), iqq(i == 3 ? 500 : 10 + i)))
                    .build();
            tx.sign(from);
            payments.add(tx.toEnvelopeXdr());
        }
        ledgers.add(payments);

        for (List<TransactionEnvelope> envelopes : ledgers) {
            ClosedLedger a = one.closeEnvelopes(envelopes);
            List<TransactionEnvelope> reversed = new ArrayList<>(envelopes);
            java.util.Collections.reverse(reversed);
            ClosedLedger b = two.closeEnvelopes(reversed);

            assertThat(xdr(b.header()::toXdrByteArray)).isEqualTo(xdr(a.header()::toXdrByteArray));
            assertThat(b.hash()).isEqualTo(a.hash());
            assertThat(b.transactions()).hasSameSizeAs(a.transactions()).hasSize(envelopes.size());
            for (int i = 0; i < a.transactions().size(); i++) {
                AppliedTransaction x = a.transactions().get(i);
                AppliedTransaction y = b.transactions().get(i);
                assertThat(y.frame().hash()).isEqualTo(x.frame().hash());
                assertThat(xdr(y.result()::toXdrByteArray)).isEqualTo(xdr(x.result()::toXdrByteArray));
                assertThat(xdr(y.meta()::toXdrByteArray)).isEqualTo(xdr(x.meta()::toXdrByteArray));
                assertThat(xdr(y.feeChanges()::toXdrByteArray)).isEqualTo(xdr(x.feeChanges()::toXdrByteArray));
            }
            assertThat(two.state().stateHash()).isEqualTo(one.state().stateHash());
        }
        assertThat(one.lastSequence()).isEqualTo(3);
        assertThat(one.balance(accounts.get(3))).isEqualTo(iqq(103) + iqq(12) - 1_000);
    }

    @Test
    void closeTimeMustIncrease() {
        LedgerFixture ledger = new LedgerFixture();
        ledger.closeAt(2_000, List.of());
        byte[] stateHash = ledger.state().stateHash();
        Transaction tx = ledger.createAccount(ledger.root(), key("alice"), iqq(100));

        assertThatThrownBy(() -> ledger.closeAt(2_000, List.of(tx.toEnvelopeXdr())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.closeAt(1_999, List.of(tx.toEnvelopeXdr())))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(ledger.lastSequence()).isEqualTo(2);
        assertThat(ledger.state().stateHash()).isEqualTo(stateHash);
        assertThat(ledger.exists(key("alice"))).isFalse();
        assertThat(ledger.closeAt(2_001, List.of(tx.toEnvelopeXdr())).sequence()).isEqualTo(3);
    }

    @Test
    void transactionSetMustBeBuiltOnThePreviousLedger() {
        LedgerFixture ledger = new LedgerFixture();
        ClosedLedger genesis = ledger.genesis();
        ledger.close();
        TxSetFrame stale = new TxSetFrame(genesis.hash(), List.of());

        assertThatThrownBy(() -> ledger.closer().close(ledger.lastHeader(), ledger.lastHash(), ledger.state(), stale,
                ledger.nextCloseTime())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void skipListRecordsTheStateHashEveryFiftyLedgers() {
        LedgerFixture ledger = new LedgerFixture();
        ClosedLedger closed = null;
        for (int seq = 2; seq <= 50; seq++) {
            closed = ledger.close();
            if (seq < 50) {
                assertThat(closed.header().getSkipList()).extracting(Hash::getHash).containsOnly(ZERO_HASH);
            }
        }

        assertThat(closed.sequence()).isEqualTo(50);
        assertThat(closed.header().getSkipList()[0].getHash())
                .isEqualTo(closed.header().getBucketListHash().getHash());
        assertThat(closed.header().getSkipList()[1].getHash()).isEqualTo(ZERO_HASH);
    }
}
