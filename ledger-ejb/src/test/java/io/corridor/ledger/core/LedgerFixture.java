package io.corridor.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.close.LedgerCloser;
import io.corridor.ledger.core.close.TxSetFrame;
import io.corridor.ledger.core.invariant.Invariants;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.core.state.LiveState;
import io.corridor.ledger.core.tx.TransactionFrame;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.stellar.sdk.AbstractTransaction;
import org.stellar.sdk.Account;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.CreateAccountOperation;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Network;
import org.stellar.sdk.Operation;
import org.stellar.sdk.PaymentOperation;
import org.stellar.sdk.TimeBounds;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.TransactionBuilder;
import org.stellar.sdk.TransactionPreconditions;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.CreateAccountResultCode;
import org.stellar.sdk.xdr.DecoratedSignature;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.PaymentResultCode;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionResult;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * A ledger in memory for core tests: genesis of a profile into a fresh {@link LiveState}, transactions built
 * and signed with the Stellar SDK as a client would, and ledgers closed through {@link LedgerCloser} with
 * increasing close times. Everything is deterministic: keys derive from names, time bounds are fixed, close
 * times advance by {@link #CLOSE_TIME_STEP} from {@link #FIRST_CLOSE_TIME}.
 */
public final class LedgerFixture {

    public static final long UNITS = NetworkProfile.UNITS_PER_COIN;
    /** Fee per operation on the IQONIQ profile. */
    public static final long BASE_FEE = 1_000;
    /** Minimum balance of an account without sub-entries: 2 × 10 IQQ. */
    public static final long MIN_BALANCE = 200_000_000L;
    public static final long FIRST_CLOSE_TIME = 1_000;
    public static final long CLOSE_TIME_STEP = 5;

    private final NetworkProfile profile;
    private final Network network;
    private final LiveState state = new LiveState();
    private final LedgerCloser closer;
    private final KeyPair root;
    private final ClosedLedger genesis;
    private LedgerHeader lastHeader;
    private byte[] lastHash;
    private long nextCloseTime = FIRST_CLOSE_TIME;

    public LedgerFixture() {
        this(NetworkProfile.IQONIQ);
    }

    public LedgerFixture(NetworkProfile profile) {
        this(profile, Invariants.production());
    }

    /** A ledger whose closer runs {@code invariants}; {@link Invariants#strict()} checks after every operation. */
    public LedgerFixture(NetworkProfile profile, Invariants invariants) {
        this(profile, invariants, null);
    }

    /** With a {@code verificationExecutor}, the closer verifies each set's signatures on it first. */
    public LedgerFixture(NetworkProfile profile, Invariants invariants, java.util.concurrent.Executor verificationExecutor) {
        this.profile = profile;
        this.network = new Network(profile.passphrase());
        this.closer = new LedgerCloser(profile, invariants, verificationExecutor);
        this.root = KeyPair.fromSecretSeed(profile.rootSeed());
        this.genesis = closer.genesis(state);
        this.lastHeader = genesis.header();
        this.lastHash = genesis.hash();
    }

    // ---------------------------------------------------------------- accessors

    public NetworkProfile profile() {
        return profile;
    }

    public Network network() {
        return network;
    }

    public LiveState state() {
        return state;
    }

    public LedgerCloser closer() {
        return closer;
    }

    public KeyPair root() {
        return root;
    }

    public ClosedLedger genesis() {
        return genesis;
    }

    public LedgerHeader lastHeader() {
        return lastHeader;
    }

    public byte[] lastHash() {
        return lastHash.clone();
    }

    public int lastSequence() {
        return (int) (long) lastHeader.getLedgerSeq().getUint32().getNumber();
    }

    /** Close time the next {@link #close} will use. */
    public long nextCloseTime() {
        return nextCloseTime;
    }

    public long feePool() {
        return lastHeader.getFeePool().getInt64();
    }

    // ---------------------------------------------------------------- keys and amounts

    /** A key pair derived from a name, the same in every run. */
    public static KeyPair key(String name) {
        return KeyPair.fromSecretSeed(Hashing.sha256(("corridor-test:" + name).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whole coins in smallest units. */
    public static long iqq(long coins) {
        return coins * UNITS;
    }

    /** Smallest units as the SDK's decimal amount string. */
    public static String amount(long units) {
        return BigDecimal.valueOf(units, 7).toPlainString();
    }

    // ---------------------------------------------------------------- building transactions

    /** A builder for {@code source} at its current sequence number, base fee 1000 and no time limit. */
    public TransactionBuilder builder(KeyPair source) {
        return builder(network, source, seqNum(source));
    }

    /** A builder for {@code source} whose account is at {@code accountSeq}; the transaction uses the next. */
    public static TransactionBuilder builder(Network network, KeyPair source, long accountSeq) {
        return builder(network, source, accountSeq, BASE_FEE, new TimeBounds(0, 0));
    }

    /** A builder with the given base fee (per operation) and time bounds. */
    public static TransactionBuilder builder(Network network, KeyPair source, long accountSeq, long baseFee,
            TimeBounds timeBounds) {
        return new TransactionBuilder(new Account(source.getAccountId(), accountSeq), network)
                .setBaseFee(baseFee)
                .addPreconditions(TransactionPreconditions.builder().timeBounds(timeBounds).build());
    }

    /** A transaction of {@code source} at its next sequence number, signed by it. */
    public Transaction tx(KeyPair source, Operation... operations) {
        Transaction tx = builder(source).addOperations(Arrays.asList(operations)).build();
        tx.sign(source);
        return tx;
    }

    public static Operation paymentOp(KeyPair to, long units) {
        return new PaymentOperation.Builder(to.getAccountId(), new AssetTypeNative(), amount(units)).build();
    }

    public static Operation createAccountOp(KeyPair destination, long startingBalance) {
        return new CreateAccountOperation.Builder(destination.getAccountId(), amount(startingBalance)).build();
    }

    public Transaction payment(KeyPair from, KeyPair to, long units) {
        return tx(from, paymentOp(to, units));
    }

    public Transaction createAccount(KeyPair from, KeyPair destination, long startingBalance) {
        return tx(from, createAccountOp(destination, startingBalance));
    }

    /** Creates an account funded by root in a ledger of its own and checks that it worked. */
    public KeyPair fundedAccount(String name, long startingBalance) {
        KeyPair account = key(name);
        AppliedTransaction applied = apply(createAccount(root, account, startingBalance));
        assertThat(code(applied.result())).as("creating %s", name).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(balance(account)).isEqualTo(startingBalance);
        return account;
    }

    /**
     * Opens an account directly in the live state, as if created in the last closed ledger, and takes its
     * balance from root so that the coins still add up. For tests of admission that need no ledger close.
     */
    public KeyPair openAccount(String name, long balance) {
        KeyPair account = key(name);
        if (exists(account)) {
            throw new IllegalStateException("account " + name + " exists already");
        }
        int seq = lastSequence();
        state.put(Accounts.newAccount(Accounts.parse(account.getAccountId()), balance, ((long) seq) << 32, seq));
        updateAccount(root, r -> r.setBalance(new org.stellar.sdk.xdr.Int64(Accounts.balance(r) - balance)));
        return account;
    }

    /** A fresh ledger of the IQONIQ profile checking every invariant after every operation. */
    public static LedgerFixture strict() {
        return new LedgerFixture(NetworkProfile.IQONIQ, Invariants.strict());
    }

    public TransactionFrame frame(AbstractTransaction tx) {
        return frame(tx.toEnvelopeXdr());
    }

    public TransactionFrame frame(TransactionEnvelope envelope) {
        return TransactionFrame.of(envelope, profile.networkId());
    }

    /**
     * Replaces the signatures of a hand-built or hand-changed envelope with signatures by {@code signers} over
     * its hash as the ledger computes it (V0, V1 or fee bump).
     */
    public TransactionEnvelope resign(TransactionEnvelope envelope, KeyPair... signers) {
        byte[] hash = frame(envelope).hash();
        DecoratedSignature[] signatures = Arrays.stream(signers)
                .map(k -> k.signDecorated(hash))
                .toArray(DecoratedSignature[]::new);
        switch (envelope.getDiscriminant()) {
            case ENVELOPE_TYPE_TX_V0 -> envelope.getV0().setSignatures(signatures);
            case ENVELOPE_TYPE_TX -> envelope.getV1().setSignatures(signatures);
            case ENVELOPE_TYPE_TX_FEE_BUMP -> envelope.getFeeBump().setSignatures(signatures);
            default -> throw new IllegalArgumentException("not an envelope: " + envelope.getDiscriminant());
        }
        return envelope;
    }

    // ---------------------------------------------------------------- closing ledgers

    public ClosedLedger close(AbstractTransaction... txs) {
        return closeEnvelopes(Arrays.stream(txs).map(AbstractTransaction::toEnvelopeXdr).toList());
    }

    public ClosedLedger closeEnvelopes(List<TransactionEnvelope> envelopes) {
        return closeAt(nextCloseTime, envelopes);
    }

    /** Closes the next ledger at {@code closeTime}; later closes continue after it. */
    public ClosedLedger closeAt(long closeTime, List<TransactionEnvelope> envelopes) {
        List<TransactionFrame> frames = new ArrayList<>();
        for (TransactionEnvelope envelope : envelopes) {
            frames.add(frame(envelope));
        }
        TxSetFrame txSet = new TxSetFrame(lastHash, frames);
        ClosedLedger closed = closer.close(lastHeader, lastHash, state, txSet, closeTime);
        lastHeader = closed.header();
        lastHash = closed.hash();
        nextCloseTime = closeTime + CLOSE_TIME_STEP;
        return closed;
    }

    /** Closes a ledger holding just {@code tx} and returns how it applied. */
    public AppliedTransaction apply(AbstractTransaction tx) {
        return applyEnvelope(tx.toEnvelopeXdr());
    }

    public AppliedTransaction applyEnvelope(TransactionEnvelope envelope) {
        ClosedLedger closed = closeEnvelopes(List.of(envelope));
        assertThat(closed.transactions()).hasSize(1);
        return closed.transactions().get(0);
    }

    /** The applied transaction of {@code closed} with the hash of {@code tx}. */
    public static AppliedTransaction applied(ClosedLedger closed, AbstractTransaction tx) {
        return closed.transactions().stream()
                .filter(t -> Arrays.equals(t.frame().hash(), tx.hash()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("transaction " + tx.hashHex() + " not in ledger"));
    }

    // ---------------------------------------------------------------- validity

    /** The context of the ledger the next {@link #close} builds. */
    public LedgerContext nextContext() {
        return new LedgerContext(profile, lastSequence() + 1, nextCloseTime,
                lastHeader.getBaseFee().getUint32().getNumber(), lastHeader.getBaseReserve().getUint32().getNumber());
    }

    public TransactionResult checkValid(AbstractTransaction tx) {
        return checkValid(tx.toEnvelopeXdr());
    }

    public TransactionResult checkValid(TransactionEnvelope envelope) {
        return closer.processor().checkValid(state, nextContext(), frame(envelope));
    }

    // ---------------------------------------------------------------- state

    public static EntryKey accountKey(KeyPair key) {
        return EntryKey.account(Accounts.parse(key.getAccountId()));
    }

    public Optional<AccountEntry> account(KeyPair key) {
        return state.load(accountKey(key)).map(e -> e.getData().getAccount());
    }

    public boolean exists(KeyPair key) {
        return state.exists(accountKey(key));
    }

    public long balance(KeyPair key) {
        return Accounts.balance(account(key).orElseThrow(() -> new AssertionError("no account " + key.getAccountId())));
    }

    public long seqNum(KeyPair key) {
        return Accounts.seqNum(account(key).orElseThrow(() -> new AssertionError("no account " + key.getAccountId())));
    }

    /**
     * Changes an account directly in the live state, outside any ledger (thresholds, signers). The header's
     * state hash then no longer matches, which the core does not check between closes.
     */
    public void updateAccount(KeyPair key, Consumer<AccountEntry> change) {
        LedgerEntry entry = state.load(accountKey(key)).orElseThrow();
        change.accept(entry.getData().getAccount());
        state.put(entry);
    }

    /** Sum of the balances of every account in the live state. */
    /** Native balances of all accounts (native claimable balances, once they exist, are not counted). */
    public long totalBalances() {
        long[] total = {0};
        state.forEach((key, bytes) -> {
            LedgerEntry entry = Xdr.decodeTrusted(bytes, LedgerEntry::decode);
            if (entry.getData().getDiscriminant() == org.stellar.sdk.xdr.LedgerEntryType.ACCOUNT) {
                total[0] = Math.addExact(total[0], Accounts.balance(entry.getData().getAccount()));
            }
        });
        return total[0];
    }

    // ---------------------------------------------------------------- results

    public static TransactionResultCode code(TransactionResult result) {
        return result.getResult().getDiscriminant();
    }

    public static List<OperationResult> opResults(TransactionResult result) {
        OperationResult[] results = result.getResult().getResults();
        return results == null ? List.of() : List.of(results);
    }

    public static OperationResult opResult(TransactionResult result, int index) {
        return opResults(result).get(index);
    }

    public static PaymentResultCode paymentCode(OperationResult result) {
        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opINNER);
        return result.getTr().getPaymentResult().getDiscriminant();
    }

    public static CreateAccountResultCode createAccountCode(OperationResult result) {
        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opINNER);
        return result.getTr().getCreateAccountResult().getDiscriminant();
    }

    public static byte[] xdr(Xdr.Encodable element) {
        return Xdr.encode(element);
    }
}
