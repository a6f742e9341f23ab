package io.corridor.bench;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Ed25519;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.close.LedgerCloser;
import io.corridor.ledger.core.close.TxSetFrame;
import io.corridor.ledger.core.invariant.Invariants;
import io.corridor.ledger.core.state.LiveState;
import io.corridor.ledger.core.tx.TransactionFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.CryptoKeyType;
import org.stellar.sdk.xdr.DecoratedSignature;
import org.stellar.sdk.xdr.EnvelopeType;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.Memo;
import org.stellar.sdk.xdr.MemoType;
import org.stellar.sdk.xdr.MuxedAccount;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.PaymentOp;
import org.stellar.sdk.xdr.PreconditionType;
import org.stellar.sdk.xdr.Preconditions;
import org.stellar.sdk.xdr.SequenceNumber;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.SignatureHint;
import org.stellar.sdk.xdr.Transaction;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionV1Envelope;
import org.stellar.sdk.xdr.Uint256;

/**
 * A ledger of {@code accounts} funded accounts (keys derived from their index) and ledgers of signed native
 * payments between distinct accounts, round-robin, for the benchmarks.
 */
final class SyntheticLedger {

    final NetworkProfile profile = NetworkProfile.IQONIQ;
    final LedgerCloser closer;
    final LiveState state = new LiveState();
    final ClosedLedger genesis;
    private LedgerHeader header;
    private byte[] headerHash;
    private final byte[][] seeds;
    private final AccountID[] ids;
    private final long[] seqs;
    private final int accounts;
    private long closeTime = 1;
    private int cursor;

    /** With a {@code verifier}, the closer verifies each ledger's signatures on it ahead of apply. */
    SyntheticLedger(int accounts, Executor verifier, Consumer<LedgerEntry> seeded) {
        this.accounts = accounts;
        closer = new LedgerCloser(profile, Invariants.production(), verifier);
        genesis = closer.genesis(state);
        header = genesis.header();
        headerHash = genesis.hash();
        seeds = new byte[accounts][];
        ids = new AccountID[accounts];
        seqs = new long[accounts];
        for (int i = 0; i < accounts; i++) {
            seeds[i] = Hashing.sha256(ByteBuffer.allocate(8).putLong(i).array());
            ids[i] = Accounts.accountId(Ed25519.publicKeyFromSeed(seeds[i]));
            // Accounts put straight into the state: the invariants check each ledger's changes, not history.
            LedgerEntry account = Accounts.newAccount(ids[i], 1_000L * NetworkProfile.UNITS_PER_COIN, 0, 1);
            state.put(account);
            seeded.accept(account);
        }
    }

    /** The next ledger's transaction set: {@code payments} signed payments. */
    TxSetFrame nextTxSet(int payments) {
        byte[] networkId = profile.networkId();
        List<TransactionFrame> frames = new ArrayList<>(payments);
        for (int i = 0; i < payments; i++) {
            int from = cursor;
            int to = (cursor + 1) % accounts;
            cursor = (cursor + 2) % accounts;
            seqs[from]++;
            frames.add(TransactionFrame.of(payment(from, to, seqs[from], networkId), networkId));
        }
        return new TxSetFrame(headerHash, frames);
    }

    ClosedLedger close(TxSetFrame txSet) {
        closeTime++;
        ClosedLedger closed = closer.close(header, headerHash, state, txSet, closeTime);
        header = closed.header();
        headerHash = closed.hash();
        return closed;
    }

    private TransactionEnvelope payment(int from, int to, long seq, byte[] networkId) {
        return Envelopes.signed(seeds[from], ids[from], seq, profile.baseFee(),
                new Operation[] {Envelopes.payment(ids[to], 1_000L)}, networkId);
    }
}
