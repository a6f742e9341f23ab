package io.corridor.consensus.herder;

import io.corridor.consensus.overlay.MessageKind;
import io.corridor.consensus.overlay.NodeKey;
import io.corridor.consensus.scp.QuorumSets;
import io.corridor.consensus.scp.ScpSignatures;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

import org.stellar.sdk.xdr.CryptoKeyType;
import org.stellar.sdk.xdr.DecoratedSignature;
import org.stellar.sdk.xdr.EnvelopeType;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.Memo;
import org.stellar.sdk.xdr.MemoType;
import org.stellar.sdk.xdr.MuxedAccount;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.PreconditionType;
import org.stellar.sdk.xdr.Preconditions;
import org.stellar.sdk.xdr.SCPBallot;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPNomination;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementConfirm;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementExternalize;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementPrepare;
import org.stellar.sdk.xdr.SCPStatementType;
import org.stellar.sdk.xdr.SequenceNumber;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.StellarValue;
import org.stellar.sdk.xdr.Transaction;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionSet;
import org.stellar.sdk.xdr.TransactionV1Envelope;
import org.stellar.sdk.xdr.Uint256;
import org.stellar.sdk.xdr.Uint32;
import org.stellar.sdk.xdr.Uint64;
import org.stellar.sdk.xdr.UpgradeType;
import org.stellar.sdk.xdr.Value;
import org.stellar.sdk.xdr.XdrUnsignedHyperInteger;
import org.stellar.sdk.xdr.XdrUnsignedInteger;

/**
 * Test doubles for the herder: keys, quorum sets, signed envelopes of fake validators, an in-memory ledger, a
 * virtual clock with one executor per node, a recording network and an in-memory SCP state store.
 */
final class HerderTestKit {
    static final Hash NETWORK_ID = new Hash(sha256("Corridor herder test network ; 2026".getBytes(StandardCharsets.UTF_8)));
    static final long START_MS = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();
    /** Close time of the genesis ledger: well before the virtual clock starts. */
    static final long GENESIS_CLOSE_TIME = START_MS / 1000 - 100;
    static final long CLOSE_MS = 1_000;
    /** Held so the level sticks: the herder logs every start and catch-up at INFO. */
    private static final java.util.logging.Logger HERDER_LOG = java.util.logging.Logger.getLogger(Herder.class.getName());

    static {
        HERDER_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private HerderTestKit() {
    }

    // ------------------------------------------------------------------------------------------ keys

    static NodeKey key(int i) {
        return NodeKey.fromRawSeed(sha256(("corridor-herder-test-validator-" + i).getBytes(StandardCharsets.UTF_8)));
    }

    static List<NodeKey> keys(int n) {
        List<NodeKey> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(key(i));
        }
        return keys;
    }

    static NodeID nodeId(NodeKey key) {
        return Herder.nodeId(key.publicKey());
    }

    static SCPQuorumSet qSet(int threshold, List<NodeKey> validators, SCPQuorumSet... inner) {
        SCPQuorumSet q = new SCPQuorumSet();
        q.setThreshold(uint32(threshold));
        q.setValidators(validators.stream().map(HerderTestKit::nodeId).toArray(NodeID[]::new));
        q.setInnerSets(inner);
        return q;
    }

    static HerderConfig config(NodeKey key, SCPQuorumSet quorumSet) {
        return new HerderConfig(NETWORK_ID, key, quorumSet, CLOSE_MS);
    }

    // ------------------------------------------------------------------------------------------ values

    static Value value(byte[] txSetHash, long closeTime) {
        return StellarValues.toValue(StellarValues.of(txSetHash, closeTime));
    }

    static Value valueWithUpgrade(byte[] txSetHash, long closeTime) {
        StellarValue sv = StellarValues.of(txSetHash, closeTime);
        sv.setUpgrades(new UpgradeType[] {new UpgradeType(new byte[] {0, 0, 0, 1, 0, 0, 0, 21})});
        return StellarValues.toValue(sv);
    }

    static StellarValue decodeValue(Value value) {
        try {
            return StellarValues.decode(value);
        } catch (IOException e) {
            throw new AssertionError("not a StellarValue", e);
        }
    }

    /** A minimal V1 transaction (one INFLATION operation per {@code ops}) from a source derived from {@code tag}. */
    static TransactionEnvelope transaction(String tag, int ops) {
        MuxedAccount source = new MuxedAccount();
        source.setDiscriminant(CryptoKeyType.KEY_TYPE_ED25519);
        source.setEd25519(new Uint256(sha256(tag.getBytes(StandardCharsets.UTF_8))));
        Transaction tx = new Transaction();
        tx.setSourceAccount(source);
        tx.setFee(uint32(100L * ops));
        tx.setSeqNum(new SequenceNumber(new Int64(1L)));
        Preconditions cond = new Preconditions();
        cond.setDiscriminant(PreconditionType.PRECOND_NONE);
        tx.setCond(cond);
        Memo memo = new Memo();
        memo.setDiscriminant(MemoType.MEMO_NONE);
        tx.setMemo(memo);
        Operation[] operations = new Operation[ops];
        for (int i = 0; i < ops; i++) {
            Operation op = new Operation();
            Operation.OperationBody body = new Operation.OperationBody();
            body.setDiscriminant(OperationType.INFLATION);
            op.setBody(body);
            operations[i] = op;
        }
        tx.setOperations(operations);
        Transaction.TransactionExt ext = new Transaction.TransactionExt();
        ext.setDiscriminant(0);
        tx.setExt(ext);
        TransactionV1Envelope v1 = new TransactionV1Envelope();
        v1.setTx(tx);
        v1.setSignatures(new DecoratedSignature[0]);
        TransactionEnvelope envelope = new TransactionEnvelope();
        envelope.setDiscriminant(EnvelopeType.ENVELOPE_TYPE_TX);
        envelope.setV1(v1);
        return envelope;
    }

    static TransactionSet txSet(byte[] previousLedgerHash, List<TransactionEnvelope> txs) {
        TransactionSet set = new TransactionSet();
        set.setPreviousLedgerHash(new Hash(previousLedgerHash.clone()));
        set.setTxs(txs.toArray(new TransactionEnvelope[0]));
        return set;
    }

    // ------------------------------------------------------------------------------------------ envelopes

    /** Signs as the herder does: Ed25519 over {@code ScpSignatures.payload(networkId, statement)}. */
    static SCPEnvelope sign(NodeKey key, SCPStatement st) {
        SCPEnvelope e = new SCPEnvelope();
        e.setStatement(st);
        e.setSignature(new Signature(key.sign(ScpSignatures.payload(NETWORK_ID, st))));
        return e;
    }

    static SCPStatement statement(NodeKey key, long slot, SCPStatementPledges pledges) {
        SCPStatement st = new SCPStatement();
        st.setNodeID(nodeId(key));
        st.setSlotIndex(uint64(slot));
        st.setPledges(pledges);
        return st;
    }

    static SCPEnvelope nominate(NodeKey key, SCPQuorumSet qSet, long slot, List<Value> votes, List<Value> accepted) {
        SCPNomination nom = new SCPNomination();
        nom.setQuorumSetHash(QuorumSets.hash(qSet));
        nom.setVotes(sorted(votes));
        nom.setAccepted(sorted(accepted));
        SCPStatementPledges pl = new SCPStatementPledges();
        pl.setDiscriminant(SCPStatementType.SCP_ST_NOMINATE);
        pl.setNominate(nom);
        return sign(key, statement(key, slot, pl));
    }

    static SCPBallot ballot(long counter, Value value) {
        SCPBallot b = new SCPBallot();
        b.setCounter(uint32(counter));
        b.setValue(value);
        return b;
    }

    static SCPEnvelope prepare(NodeKey key, SCPQuorumSet qSet, long slot, SCPBallot b, SCPBallot p, long nC, long nH) {
        SCPStatementPrepare prep = new SCPStatementPrepare();
        prep.setQuorumSetHash(QuorumSets.hash(qSet));
        prep.setBallot(b);
        prep.setPrepared(p);
        prep.setNC(uint32(nC));
        prep.setNH(uint32(nH));
        SCPStatementPledges pl = new SCPStatementPledges();
        pl.setDiscriminant(SCPStatementType.SCP_ST_PREPARE);
        pl.setPrepare(prep);
        return sign(key, statement(key, slot, pl));
    }

    static SCPEnvelope confirm(NodeKey key, SCPQuorumSet qSet, long slot, SCPBallot b, long nPrepared, long nC,
            long nH) {
        SCPStatementConfirm c = new SCPStatementConfirm();
        c.setQuorumSetHash(QuorumSets.hash(qSet));
        c.setBallot(b);
        c.setNPrepared(uint32(nPrepared));
        c.setNCommit(uint32(nC));
        c.setNH(uint32(nH));
        SCPStatementPledges pl = new SCPStatementPledges();
        pl.setDiscriminant(SCPStatementType.SCP_ST_CONFIRM);
        pl.setConfirm(c);
        return sign(key, statement(key, slot, pl));
    }

    static SCPEnvelope externalize(NodeKey key, SCPQuorumSet qSet, long slot, SCPBallot commit, long nH) {
        SCPStatementExternalize x = new SCPStatementExternalize();
        x.setCommit(commit);
        x.setNH(uint32(nH));
        x.setCommitQuorumSetHash(QuorumSets.hash(qSet));
        SCPStatementPledges pl = new SCPStatementPledges();
        pl.setDiscriminant(SCPStatementType.SCP_ST_EXTERNALIZE);
        pl.setExternalize(x);
        return sign(key, statement(key, slot, pl));
    }

    static byte[] bytes(SCPEnvelope envelope) {
        return Wire.write(envelope::encode);
    }

    static SCPEnvelope decodeEnvelope(byte[] payload) {
        try {
            return Wire.read(payload, SCPEnvelope::decode);
        } catch (IOException e) {
            throw new AssertionError("not an SCPEnvelope", e);
        }
    }

    static long slotOf(SCPEnvelope e) {
        return e.getStatement().getSlotIndex().getUint64().getNumber().longValueExact();
    }

    static SCPStatementType typeOf(SCPEnvelope e) {
        return e.getStatement().getPledges().getDiscriminant();
    }

    /** The ballot of a PREPARE/CONFIRM, the commit of an EXTERNALIZE, null for a NOMINATE. */
    static SCPBallot ballotOf(SCPEnvelope e) {
        SCPStatementPledges pl = e.getStatement().getPledges();
        return switch (pl.getDiscriminant()) {
            case SCP_ST_PREPARE -> pl.getPrepare().getBallot();
            case SCP_ST_CONFIRM -> pl.getConfirm().getBallot();
            case SCP_ST_EXTERNALIZE -> pl.getExternalize().getCommit();
            case SCP_ST_NOMINATE -> null;
        };
    }

    static long counter(SCPBallot b) {
        return b.getCounter().getUint32().getNumber();
    }

    /** Every value a statement mentions. */
    static Set<Value> valuesOf(SCPEnvelope e) {
        return io.corridor.consensus.scp.StatementValues.values(e.getStatement());
    }

    static boolean verifies(SCPEnvelope e) {
        byte[] key = e.getStatement().getNodeID().getNodeID().getEd25519().getUint256();
        return NodeKey.verify(key, ScpSignatures.payload(NETWORK_ID, e.getStatement()), e.getSignature().getSignature());
    }

    private static Value[] sorted(List<Value> values) {
        return values.stream().sorted((a, b) -> Arrays.compareUnsigned(a.getValue(), b.getValue())).toArray(Value[]::new);
    }

    // ------------------------------------------------------------------------------------------ XDR helpers

    static Uint32 uint32(long v) {
        return new Uint32(new XdrUnsignedInteger(v));
    }

    static Uint64 uint64(long v) {
        return new Uint64(new XdrUnsignedHyperInteger(BigInteger.valueOf(v)));
    }

    static byte[] sha256(byte[] bytes) {
        return Herder.sha256(bytes);
    }

    static byte[] headerHash(LedgerHeader header) {
        return sha256(Wire.write(header::encode));
    }

    static byte[] headerBytes(LedgerHeader header) {
        return Wire.write(header::encode);
    }

    static LedgerHeader copy(LedgerHeader header) {
        try {
            return Wire.read(headerBytes(header), LedgerHeader::decode);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------------------------------ ledger

    /**
     * An in-memory ledger: a chain of headers built here. The set hash is SHA-256(previous ledger hash || each
     * envelope's XDR in unsigned byte order); {@link #apply} closes the next header whose {@code scpValue}
     * carries the set hash and close time, so identical inputs give byte-identical headers on every node.
     */
    static final class FakeLedger implements LedgerPort {
        final List<LedgerHeader> headers = new ArrayList<>();
        final List<TransactionSet> sets = new ArrayList<>();
        final Set<String> queue = new LinkedHashSet<>();
        final List<TransactionEnvelope> queued = new ArrayList<>();
        /** Transactions whose presence makes a set invalid (checkTransactionSet). */
        Predicate<TransactionEnvelope> invalid = tx -> false;
        int applied;

        FakeLedger() {
            headers.add(genesis());
            sets.add(txSet(new byte[32], List.of()));
        }

        static LedgerHeader genesis() {
            LedgerHeader h = new LedgerHeader();
            h.setLedgerVersion(uint32(21));
            h.setPreviousLedgerHash(new Hash(new byte[32]));
            h.setScpValue(StellarValues.of(new byte[32], GENESIS_CLOSE_TIME));
            h.setTxSetResultHash(new Hash(new byte[32]));
            h.setBucketListHash(new Hash(new byte[32]));
            h.setLedgerSeq(uint32(1));
            h.setTotalCoins(new Int64(1_000_000_000_000_000L));
            h.setFeePool(new Int64(0L));
            h.setInflationSeq(uint32(0));
            h.setIdPool(uint64(0));
            h.setBaseFee(uint32(100));
            h.setBaseReserve(uint32(5_000_000));
            h.setMaxTxSetSize(uint32(1_000));
            h.setSkipList(new Hash[] {new Hash(new byte[32]), new Hash(new byte[32]), new Hash(new byte[32]),
                    new Hash(new byte[32])});
            LedgerHeader.LedgerHeaderExt ext = new LedgerHeader.LedgerHeaderExt();
            ext.setDiscriminant(0);
            h.setExt(ext);
            return h;
        }

        long sequence() {
            return headers.size();
        }

        LedgerHeader last() {
            return headers.get(headers.size() - 1);
        }

        byte[] lastHash() {
            return headerHash(last());
        }

        long lastCloseTime() {
            return StellarValues.closeTime(last().getScpValue());
        }

        /** Closes {@code count} empty ledgers, one second apart. */
        FakeLedger closeEmpty(int count) {
            for (int i = 0; i < count; i++) {
                apply(txSet(lastHash(), List.of()), lastCloseTime() + 1);
            }
            return this;
        }

        @Override
        public synchronized LedgerHeader lastClosedHeader() {
            return copy(last());
        }

        @Override
        public synchronized TransactionSet proposeTransactionSet() {
            return txSet(lastHash(), queued);
        }

        @Override
        public byte[] transactionSetHash(TransactionSet set) {
            List<byte[]> txs = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (TransactionEnvelope tx : set.getTxs()) {
                byte[] b = Wire.write(tx::encode);
                if (!seen.add(Herder.hex(b))) {
                    throw new IllegalArgumentException("duplicate transaction in the set");
                }
                txs.add(b);
            }
            txs.sort(Arrays::compareUnsigned);
            int size = 32 + txs.stream().mapToInt(b -> b.length).sum();
            byte[] all = new byte[size];
            System.arraycopy(set.getPreviousLedgerHash().getHash(), 0, all, 0, 32);
            int at = 32;
            for (byte[] b : txs) {
                System.arraycopy(b, 0, all, at, b.length);
                at += b.length;
            }
            return sha256(all);
        }

        @Override
        public synchronized Optional<String> checkTransactionSet(TransactionSet set) {
            for (TransactionEnvelope tx : set.getTxs()) {
                if (invalid.test(tx)) {
                    return Optional.of("an invalid transaction");
                }
            }
            return Optional.empty();
        }

        @Override
        public synchronized LedgerHeader apply(TransactionSet set, long closeTime) {
            LedgerHeader last = last();
            if (!Arrays.equals(set.getPreviousLedgerHash().getHash(), headerHash(last))) {
                throw new IllegalStateException("the set does not build on ledger " + sequence());
            }
            LedgerHeader next = copy(last);
            next.setLedgerSeq(uint32(sequence() + 1));
            next.setPreviousLedgerHash(new Hash(headerHash(last)));
            byte[] setHash = transactionSetHash(set);
            next.setScpValue(StellarValues.of(setHash, closeTime));
            next.setTxSetResultHash(new Hash(sha256(setHash)));
            next.setFeePool(new Int64(last.getFeePool().getInt64() + 100L * set.getTxs().length));
            headers.add(next);
            sets.add(set);
            for (TransactionEnvelope tx : set.getTxs()) {
                String k = Herder.hex(Wire.write(tx::encode));
                if (queue.remove(k)) {
                    queued.removeIf(q -> Herder.hex(Wire.write(q::encode)).equals(k));
                }
            }
            applied++;
            return copy(next);
        }

        @Override
        public synchronized Optional<LedgerHeader> header(long sequence) {
            return sequence >= 1 && sequence <= headers.size() ? Optional.of(copy(headers.get((int) sequence - 1)))
                    : Optional.empty();
        }

        @Override
        public synchronized Optional<TransactionSet> transactionSet(long sequence) {
            return sequence >= 1 && sequence <= sets.size() ? Optional.of(sets.get((int) sequence - 1))
                    : Optional.empty();
        }

        @Override
        public synchronized boolean receiveTransaction(TransactionEnvelope envelope) {
            if (queue.add(Herder.hex(Wire.write(envelope::encode)))) {
                queued.add(envelope);
                return true;
            }
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------ time

    /** One virtual clock and event queue shared by every node of a test. Tasks run in time, then FIFO, order. */
    static final class VirtualTime {
        private record Event(long at, long order, VirtualExecutor owner, int generation, Runnable task) {
        }

        private final PriorityQueue<Event> events = new PriorityQueue<>(
                Comparator.comparingLong(Event::at).thenComparingLong(Event::order));
        long now = START_MS;
        private long order;

        void schedule(VirtualExecutor owner, long delayMs, Runnable task) {
            events.add(new Event(now + Math.max(0, delayMs), order++, owner, owner == null ? 0 : owner.generation,
                    task));
        }

        /** Runs every event due within {@code ms} from now; the clock ends exactly {@code ms} later. */
        void run(long ms) {
            long end = now + ms;
            while (!events.isEmpty() && events.peek().at() <= end) {
                Event e = events.poll();
                now = e.at();
                if (e.owner() == null || (e.owner().running && e.owner().generation == e.generation())) {
                    e.task().run();
                }
            }
            now = end;
        }

        /** Runs until {@code done} holds (checked after each event) or {@code maxMs} passed; returns whether it held. */
        boolean runUntil(java.util.function.BooleanSupplier done, long maxMs) {
            long end = now + maxMs;
            while (!done.getAsBoolean()) {
                if (events.isEmpty() || events.peek().at() > end) {
                    now = end;
                    return done.getAsBoolean();
                }
                Event e = events.poll();
                now = e.at();
                if (e.owner() == null || (e.owner().running && e.owner().generation == e.generation())) {
                    e.task().run();
                }
            }
            return true;
        }
    }

    /** A node's herder thread on the virtual clock; stopping it drops its pending tasks. */
    static final class VirtualExecutor implements HerderExecutor {
        final VirtualTime time;
        boolean running = true;
        int generation;

        VirtualExecutor(VirtualTime time) {
            this.time = time;
        }

        void stop() {
            running = false;
            generation++;
        }

        @Override
        public long nowMs() {
            return time.now;
        }

        @Override
        public void execute(Runnable task) {
            time.schedule(this, 0, task);
        }

        @Override
        public Cancellable schedule(long delayMs, Runnable task) {
            boolean[] cancelled = {false};
            time.schedule(this, delayMs, () -> {
                if (!cancelled[0]) {
                    task.run();
                }
            });
            return () -> cancelled[0] = true;
        }
    }

    // ------------------------------------------------------------------------------------------ network

    enum Route { BROADCAST, RELAY, SEND }

    /** A message the herder handed to the network: {@code peer} is the addressee (SEND) or the origin (RELAY). */
    record Sent(Route route, String peer, MessageKind kind, byte[] payload, long atMs) {
    }

    /** Records everything; a test may also forward it. */
    static class RecordingNetwork implements PeerNetwork {
        final List<Sent> sent = new ArrayList<>();
        final VirtualTime time;

        RecordingNetwork(VirtualTime time) {
            this.time = time;
        }

        @Override
        public void broadcast(MessageKind kind, byte[] payload) {
            sent.add(new Sent(Route.BROADCAST, null, kind, payload.clone(), time.now));
        }

        @Override
        public void relay(String fromPeer, MessageKind kind, byte[] payload) {
            sent.add(new Sent(Route.RELAY, fromPeer, kind, payload.clone(), time.now));
        }

        @Override
        public boolean send(String peer, MessageKind kind, byte[] payload) {
            sent.add(new Sent(Route.SEND, peer, kind, payload.clone(), time.now));
            return true;
        }

        List<Sent> of(MessageKind kind) {
            return sent.stream().filter(s -> s.kind() == kind).toList();
        }

        List<Sent> of(Route route, MessageKind kind) {
            return sent.stream().filter(s -> s.route() == route && s.kind() == kind).toList();
        }

        /** The SCP envelopes this node said itself (broadcast, or sent to one peer), in order. */
        List<SCPEnvelope> ownEnvelopes() {
            return sent.stream().filter(s -> s.kind() == MessageKind.SCP_MESSAGE && s.route() != Route.RELAY)
                    .map(s -> decodeEnvelope(s.payload())).toList();
        }

        void clear() {
            sent.clear();
        }
    }

    /** Keeps the last saved envelopes in memory. */
    static final class MemoryStateStore implements ScpStateStore {
        List<SCPEnvelope> saved = List.of();
        int saves;

        @Override
        public void save(List<SCPEnvelope> envelopes) {
            saved = envelopes.stream().map(e -> decodeEnvelope(bytes(e))).toList();
            saves++;
        }

        @Override
        public List<SCPEnvelope> load() {
            return saved;
        }
    }
}
