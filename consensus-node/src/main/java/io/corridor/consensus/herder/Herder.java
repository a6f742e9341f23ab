package io.corridor.consensus.herder;

import io.corridor.consensus.overlay.MessageKind;
import io.corridor.consensus.overlay.NodeKey;
import io.corridor.consensus.scp.Ballot;
import io.corridor.consensus.scp.BallotSnapshot;
import io.corridor.consensus.scp.EnvelopeState;
import io.corridor.consensus.scp.QuorumSets;
import io.corridor.consensus.scp.Scp;
import io.corridor.consensus.scp.ScpDriver;
import io.corridor.consensus.scp.ScpSignatures;
import io.corridor.consensus.scp.StatementValues;
import io.corridor.consensus.scp.TimerId;
import io.corridor.consensus.scp.ValidationLevel;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.PublicKey;
import org.stellar.sdk.xdr.PublicKeyType;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.SCPStatementType;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.StellarValue;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionSet;
import org.stellar.sdk.xdr.Uint256;
import org.stellar.sdk.xdr.Value;

/**
 * The glue between SCP and the ledger (stellar-core's herder): slot = ledger sequence, value = the XDR of a
 * {@code StellarValue} (transaction-set hash, close time, no upgrades).
 *
 * <ul>
 *   <li><b>Trigger.</b> {@code closeIntervalMs} after the last nomination started, the node builds a transaction
 *       set from its queue, sends it to its peers and nominates {@code (set hash, close time)} for the next
 *       slot.</li>
 *   <li><b>Values</b> are valid for the next slot when the close time is after the last ledger's (and not more
 *       than a minute ahead of this node's clock when nominated), there are no upgrades, and the transaction set
 *       is known, built on the last closed ledger and holds only valid transactions. Candidates combine into
 *       the set with the most operations (then transactions, then the lowest value hash) at the latest close
 *       time.</li>
 *   <li><b>Fetching.</b> An envelope whose transaction sets or quorum set are unknown waits until they arrive:
 *       they are requested from its sender, then from every peer.</li>
 *   <li><b>Externalize.</b> The agreed set is handed to {@link LedgerPort#apply}; the header it produces must
 *       carry the agreed value.</li>
 *   <li><b>Catch-up.</b> Envelopes for later slots wait. When a v-blocking set of the quorum externalized a later
 *       slot, the node is behind: the agreed set of that slot names the hash of the ledger before it; the node
 *       fetches the ledgers it misses from peers, checks the chain of header hashes back from that anchor to its
 *       own last ledger and each set against its header, applies them (each must reproduce its header), and
 *       joins the slot.</li>
 *   <li><b>Restart.</b> Every envelope is persisted ({@link ScpStateStore}) before it is sent; a restarted node
 *       restores its open slots from them first.</li>
 * </ul>
 * Everything runs on the {@link HerderExecutor}'s thread except {@link #onMessage} for transactions.
 */
public final class Herder {
    private static final Logger LOG = Logger.getLogger(Herder.class.getName());

    /** Slots kept after they close, to answer peers that lag a little. */
    static final int SLOTS_KEPT = 12;
    /** How far ahead of the last closed ledger envelopes are buffered. */
    static final long SLOTS_AHEAD_MAX = 100_000;
    static final int FUTURE_SLOTS_MAX = 16;
    static final int ENVELOPES_PER_FUTURE_SLOT_MAX = 2_000;
    static final int PARKED_MAX = 10_000;
    static final int TX_SETS_KEPT = 256;
    static final int QUORUM_SETS_KEPT = 1_000;
    static final long CLOSE_TIME_SLIP_SECONDS = 60;
    static final long FETCH_RETRY_MS = 1_500;
    static final long CATCH_UP_TIMEOUT_MS = 5_000;
    static final long TICK_MS = 500;
    static final long HEARD_RECENTLY_MS = 10_000;
    /** While a slot is open, this node's latest envelopes for it are sent again this often (lost on a reconnect). */
    static final long REBROADCAST_MS = 2_000;

    private static final HexFormat HEX = HexFormat.of();

    private final HerderConfig config;
    private final LedgerPort ledger;
    private final PeerNetwork network;
    private final HerderExecutor exec;
    private final ScpStateStore stateStore;
    private final Scp scp;
    private final NodeID localId;
    private final String localKey;
    private final SCPQuorumSet quorumSet;
    private final List<String> validators;
    private final Set<NodeID> validatorIds;

    private LedgerHeader lcl;
    private byte[] lclHash;
    private long lclSeq;

    private final Map<String, TransactionSet> txSets = lru(TX_SETS_KEPT);
    private final Map<String, SCPQuorumSet> quorumSets = lru(QUORUM_SETS_KEPT);
    /** Envelopes for the current slot waiting for data, by envelope hash. */
    private final Map<String, Pending> parked = new LinkedHashMap<>();
    /** Envelopes for later slots, by slot then envelope hash. */
    private final TreeMap<Long, LinkedHashMap<String, Pending>> future = new TreeMap<>();
    /** Data requested, by hash: when it was last asked for. */
    private final Map<String, Long> requested = new HashMap<>();
    /** Slots agreed but not applied yet. */
    private final TreeMap<Long, Value> externalized = new TreeMap<>();
    /** This node's latest envelopes per open slot: nomination and ballot statement. */
    private final TreeMap<Long, Map<Boolean, SCPEnvelope>> sent = new TreeMap<>();
    private final Map<String, ValidationLevel> validations = new HashMap<>();
    private final Map<String, HerderExecutor.Cancellable> timers = new HashMap<>();
    private final Set<String> peers = new LinkedHashSet<>();
    private final Map<String, Heard> heard = new HashMap<>();

    private HerderExecutor.Cancellable trigger;
    private long lastTriggerMs;
    private long lastRebroadcastMs;
    private long nominatedSlot;
    private long lastExternalizedMs;
    private long ledgersCaughtUp;
    private CatchUp catchUp;
    private String haltReason;
    private volatile HerderStatus status;

    private record Pending(String from, SCPEnvelope envelope, byte[] payload) {
    }

    private record Heard(long slot, long atMs, SCPStatementType type) {
    }

    /** A catch-up in progress: ledgers {@code lclSeq + 1 .. anchorSlot - 1}, checked against the anchor. */
    private static final class CatchUp {
        final long anchorSlot;
        final Value anchorValue;
        final List<String> sources;
        final Map<Long, Wire.ShippedLedger> received = new TreeMap<>();
        int sourceIndex;
        long requestedAtMs;

        CatchUp(long anchorSlot, Value anchorValue, List<String> sources) {
            this.anchorSlot = anchorSlot;
            this.anchorValue = anchorValue;
            this.sources = sources;
        }
    }

    public Herder(HerderConfig config, LedgerPort ledger, PeerNetwork network, HerderExecutor exec,
            ScpStateStore stateStore) {
        this.config = config;
        this.ledger = ledger;
        this.network = network;
        this.exec = exec;
        this.stateStore = stateStore;
        this.quorumSet = config.quorumSet();
        this.localId = nodeId(config.nodeKey().publicKey());
        this.localKey = config.nodeKey().accountId();
        this.scp = new Scp(new Driver(), localId, true, quorumSet);
        this.validators = QuorumSets.allNodes(quorumSet).stream().map(Herder::key).sorted().toList();
        this.validatorIds = Set.copyOf(QuorumSets.allNodes(quorumSet));
        quorumSets.put(hex(scp.getLocalQuorumSetHash().getHash()), scp.getLocalQuorumSet());
        readLastClosed();
        publishStatus();
    }

    // ------------------------------------------------------------------------------------------ entry points

    /** Restores the persisted slots, then starts the ledger trigger and the housekeeping tick. */
    public void start() {
        exec.execute(() -> {
            restore();
            lastTriggerMs = exec.nowMs();
            scheduleTrigger();
            publishStatus();
            exec.schedule(TICK_MS, this::tick);
            LOG.info(() -> "herder of " + localKey + " started at ledger " + lclSeq + ", quorum set "
                    + describe(quorumSet) + ", a ledger every " + config.closeIntervalMs() + " ms");
        });
    }

    /** A message from a peer. Transactions are admitted on the caller's thread; the rest go to the herder thread. */
    public void onMessage(String from, MessageKind kind, byte[] payload) {
        if (kind == MessageKind.TRANSACTION) {
            receiveTransaction(from, payload);
            return;
        }
        exec.execute(() -> dispatch(from, kind, payload));
    }

    public void onPeerConnected(String peer) {
        exec.execute(() -> {
            peers.add(peer);
            // Tell the newcomer where we are, and ask where it is: a restarted node learns the current slot at once.
            for (long slot = lclSeq; slot <= lclSeq + 1; slot++) {
                for (SCPEnvelope envelope : ownLatest(slot)) {
                    network.send(peer, MessageKind.SCP_MESSAGE, Wire.write(envelope::encode));
                }
            }
            network.send(peer, MessageKind.GET_SCP_STATE, Wire.slot(lclSeq + 1));
        });
    }

    public void onPeerDisconnected(String peer) {
        exec.execute(() -> peers.remove(peer));
    }

    /** The latest snapshot; safe from any thread. */
    public HerderStatus status() {
        return status;
    }

    public String localKey() {
        return localKey;
    }

    // ------------------------------------------------------------------------------------------ dispatch

    private void dispatch(String from, MessageKind kind, byte[] payload) {
        try {
            switch (kind) {
                case SCP_MESSAGE -> receiveEnvelope(from, payload);
                case TX_SET -> receiveTxSet(payload);
                case GET_TX_SET -> serveTxSet(from, payload);
                case QUORUM_SET -> receiveQuorumSet(payload);
                case GET_QUORUM_SET -> serveQuorumSet(from, payload);
                case GET_LEDGERS -> serveLedgers(from, payload);
                case LEDGERS -> receiveLedgers(from, payload);
                case GET_SCP_STATE -> serveScpState(from, payload);
                default -> {
                    // DONT_HAVE and future kinds: the periodic re-request asks elsewhere.
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.fine(() -> "dropped a malformed " + kind + " from " + from + ": " + e.getMessage());
        }
        publishStatus();
    }

    private void receiveTransaction(String from, byte[] payload) {
        TransactionEnvelope envelope;
        try {
            envelope = Wire.read(payload, TransactionEnvelope::decode);
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "dropped a malformed transaction from " + from + ": " + e.getMessage());
            return;
        }
        if (ledger.receiveTransaction(envelope)) {
            network.relay(from, MessageKind.TRANSACTION, payload);
        }
    }

    // ------------------------------------------------------------------------------------------ envelopes

    private void receiveEnvelope(String from, byte[] payload) throws IOException {
        SCPEnvelope envelope = Wire.read(payload, SCPEnvelope::decode);
        SCPStatement st = envelope.getStatement();
        long slot = st.getSlotIndex().getUint64().getNumber().longValue();
        if (slot <= lclSeq || slot > lclSeq + SLOTS_AHEAD_MAX || localId.equals(st.getNodeID())) {
            return;
        }
        if (!verify(envelope)) {
            LOG.fine(() -> "dropped an envelope with a bad signature from " + from);
            return;
        }
        noteHeard(st, slot);
        Pending pending = new Pending(from, envelope, payload);
        if (slot > lclSeq + 1) {
            // Only the quorum set's validators can tell this node it is behind; others must not fill the buffer.
            if (!validatorIds.contains(st.getNodeID())) {
                network.relay(from, MessageKind.SCP_MESSAGE, payload);
                return;
            }
            requestMissing(pending);
            bufferFuture(slot, pending);
            network.relay(from, MessageKind.SCP_MESSAGE, payload);
            checkBehind();
            return;
        }
        requestMissing(pending);
        process(pending);
    }

    /** Feeds an envelope of the current slot to SCP once its data is known; parks it otherwise. */
    private void process(Pending pending) {
        if (!missing(pending.envelope()).isEmpty()) {
            if (parked.size() < PARKED_MAX) {
                parked.put(hex(sha256(pending.payload())), pending);
            }
            return;
        }
        if (scp.receiveEnvelope(pending.envelope()) == EnvelopeState.VALID) {
            network.relay(pending.from(), MessageKind.SCP_MESSAGE, pending.payload());
        }
    }

    /** Hashes (hex) of the transaction sets and quorum set an envelope needs that this node lacks. */
    private List<String> missing(SCPEnvelope envelope) {
        List<String> missing = new ArrayList<>();
        String qSet = hex(StatementValues.quorumSetHash(envelope.getStatement()).getHash());
        if (!quorumSets.containsKey(qSet)) {
            missing.add("q" + qSet);
        }
        for (Value value : StatementValues.values(envelope.getStatement())) {
            try {
                String set = hex(StellarValues.decode(value).getTxSetHash().getHash());
                if (!txSets.containsKey(set)) {
                    missing.add("t" + set);
                }
            } catch (IOException e) {
                // Not a StellarValue: SCP's validation rejects it; nothing to fetch.
            }
        }
        return missing;
    }

    private void requestMissing(Pending pending) {
        for (String item : missing(pending.envelope())) {
            request(item, pending.from());
        }
    }

    /** Asks {@code peer} (or every peer when null) for a transaction set ("t" + hash) or quorum set ("q" + hash). */
    private void request(String item, String peer) {
        long now = exec.nowMs();
        Long last = requested.get(item);
        if (last != null && now - last < FETCH_RETRY_MS && peer == null) {
            return;
        }
        if (last != null && peer != null) {
            return;
        }
        requested.put(item, now);
        MessageKind kind = item.charAt(0) == 't' ? MessageKind.GET_TX_SET : MessageKind.GET_QUORUM_SET;
        byte[] hash = HEX.parseHex(item.substring(1));
        if (peer != null) {
            network.send(peer, kind, hash);
        } else {
            network.broadcast(kind, hash);
        }
    }

    private void bufferFuture(long slot, Pending pending) {
        LinkedHashMap<String, Pending> envelopes = future.computeIfAbsent(slot, s -> new LinkedHashMap<>());
        if (envelopes.size() < ENVELOPES_PER_FUTURE_SLOT_MAX) {
            envelopes.put(hex(sha256(pending.payload())), pending);
        }
        while (future.size() > FUTURE_SLOTS_MAX) {
            // Keep the latest slots: those are what the network is on.
            future.pollFirstEntry();
        }
    }

    private void noteHeard(SCPStatement st, long slot) {
        String node = key(st.getNodeID());
        Heard previous = heard.get(node);
        if (previous == null || previous.slot() <= slot) {
            heard.put(node, new Heard(slot, exec.nowMs(), st.getPledges().getDiscriminant()));
        }
    }

    // ------------------------------------------------------------------------------------------ data

    private void receiveTxSet(byte[] payload) throws IOException {
        TransactionSet set = Wire.read(payload, TransactionSet::decode);
        String hash = hex(ledger.transactionSetHash(set));
        if (txSets.containsKey(hash)) {
            return;
        }
        txSets.put(hash, set);
        requested.remove("t" + hash);
        dataArrived();
    }

    private void receiveQuorumSet(byte[] payload) throws IOException {
        SCPQuorumSet qSet = Wire.read(payload, SCPQuorumSet::decode);
        if (!QuorumSets.isSane(qSet, false)) {
            return;
        }
        String hash = hex(QuorumSets.hash(qSet).getHash());
        if (quorumSets.putIfAbsent(hash, qSet) == null) {
            requested.remove("q" + hash);
            dataArrived();
        }
    }

    private void serveTxSet(String from, byte[] hash) {
        TransactionSet set = txSets.get(hex(hash));
        if (set != null) {
            network.send(from, MessageKind.TX_SET, Wire.write(set::encode));
        } else {
            network.send(from, MessageKind.DONT_HAVE, dontHave(MessageKind.GET_TX_SET, hash));
        }
    }

    private void serveQuorumSet(String from, byte[] hash) {
        SCPQuorumSet qSet = quorumSets.get(hex(hash));
        if (qSet != null) {
            network.send(from, MessageKind.QUORUM_SET, Wire.write(qSet::encode));
        } else {
            network.send(from, MessageKind.DONT_HAVE, dontHave(MessageKind.GET_QUORUM_SET, hash));
        }
    }

    private static byte[] dontHave(MessageKind kind, byte[] hash) {
        byte[] payload = new byte[1 + hash.length];
        payload[0] = (byte) kind.code();
        System.arraycopy(hash, 0, payload, 1, hash.length);
        return payload;
    }

    /** Releases parked envelopes whose data is now complete, and moves a waiting catch-up or apply on. */
    private void dataArrived() {
        List<Pending> ready = new ArrayList<>();
        parked.values().removeIf(p -> {
            if (missing(p.envelope()).isEmpty()) {
                ready.add(p);
                return true;
            }
            return false;
        });
        ready.forEach(this::process);
        checkBehind();
        if (catchUp != null && catchUp.requestedAtMs == 0) {
            continueCatchUp();
        }
        applyReady();
    }

    // ------------------------------------------------------------------------------------------ trigger

    private void scheduleTrigger() {
        if (trigger != null) {
            trigger.cancel();
        }
        long due = Math.max(exec.nowMs(), lastTriggerMs + config.closeIntervalMs());
        trigger = exec.schedule(due - exec.nowMs(), this::triggerNextLedger);
    }

    private void triggerNextLedger() {
        trigger = null;
        long slot = lclSeq + 1;
        if (haltReason != null || catchUp != null || nominatedSlot >= slot || externalized.containsKey(slot)) {
            return;
        }
        lastTriggerMs = exec.nowMs();
        TransactionSet set = ledger.proposeTransactionSet();
        byte[] setHash = ledger.transactionSetHash(set);
        txSets.put(hex(setHash), set);
        network.broadcast(MessageKind.TX_SET, Wire.write(set::encode));
        long closeTime = Math.max(exec.nowMs() / 1000, closeTime(lcl) + 1);
        Value value = StellarValues.toValue(StellarValues.of(setHash, closeTime));
        nominatedSlot = slot;
        Value previous = StellarValues.toValue(lcl.getScpValue());
        scp.nominate(slot, value, previous);
        publishStatus();
    }

    // ------------------------------------------------------------------------------------------ apply

    /** Applies agreed slots in order while the next one is agreed and its set is known. */
    private void applyReady() {
        while (haltReason == null && !externalized.isEmpty()) {
            Map.Entry<Long, Value> next = externalized.firstEntry();
            if (next.getKey() <= lclSeq) {
                externalized.pollFirstEntry();
                continue;
            }
            if (next.getKey() != lclSeq + 1) {
                return;
            }
            StellarValue value;
            try {
                value = StellarValues.decode(next.getValue());
            } catch (IOException e) {
                halt("slot " + next.getKey() + " externalized a value that is not a StellarValue");
                return;
            }
            String setHash = hex(value.getTxSetHash().getHash());
            TransactionSet set = txSets.get(setHash);
            if (set == null) {
                request("t" + setHash, null);
                return;
            }
            LedgerHeader header;
            try {
                header = ledger.apply(set, StellarValues.closeTime(value));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "applying agreed ledger " + next.getKey() + " failed; retrying on the next tick", e);
                return;
            }
            if (!Arrays.equals(header.getScpValue().getTxSetHash().getHash(), value.getTxSetHash().getHash())
                    || StellarValues.closeTime(header.getScpValue()) != StellarValues.closeTime(value)) {
                halt("ledger " + next.getKey() + " was closed with another value than the one agreed");
                return;
            }
            externalized.pollFirstEntry();
            lastExternalizedMs = exec.nowMs();
            ledgerClosed(header);
        }
    }

    /** Moves to a newly closed ledger: forget older slots, release the next slot's envelopes, arm the trigger. */
    private void ledgerClosed(LedgerHeader header) {
        readLastClosed(header);
        validations.clear();
        scp.purgeSlots(lclSeq + 1 - SLOTS_KEPT, lclSeq);
        sent.headMap(lclSeq - SLOTS_KEPT, true).clear();
        parked.clear();
        requested.clear();
        LinkedHashMap<String, Pending> next = future.remove(lclSeq + 1);
        future.headMap(lclSeq + 1, true).clear();
        if (next != null) {
            next.values().forEach(this::process);
        }
        if (catchUp == null) {
            scheduleTrigger();
        }
        publishStatus();
    }

    // ------------------------------------------------------------------------------------------ catch-up

    /** Starts catching up when a v-blocking set of the quorum externalized a slot after the next one. */
    private void checkBehind() {
        if (catchUp != null || haltReason != null) {
            return;
        }
        for (Map.Entry<Long, LinkedHashMap<String, Pending>> entry : future.descendingMap().entrySet()) {
            Map<String, Set<NodeID>> byValue = new HashMap<>();
            Map<String, Value> values = new HashMap<>();
            for (Pending p : entry.getValue().values()) {
                SCPStatement st = p.envelope().getStatement();
                if (st.getPledges().getDiscriminant() == SCPStatementType.SCP_ST_EXTERNALIZE) {
                    Value v = st.getPledges().getExternalize().getCommit().getValue();
                    String k = hex(v.getValue());
                    byValue.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(st.getNodeID());
                    values.put(k, v);
                }
            }
            for (Map.Entry<String, Set<NodeID>> e : byValue.entrySet()) {
                if (QuorumSets.isVBlocking(quorumSet, e.getValue())) {
                    List<String> sources = e.getValue().stream().map(Herder::key).toList();
                    catchUp = new CatchUp(entry.getKey(), values.get(e.getKey()), sources);
                    LOG.info(() -> "ledger " + lclSeq + " is behind the network: validators " + sources
                            + " externalized slot " + entry.getKey() + "; catching up");
                    if (trigger != null) {
                        trigger.cancel();
                        trigger = null;
                    }
                    continueCatchUp();
                    return;
                }
            }
        }
    }

    private void continueCatchUp() {
        CatchUp c = catchUp;
        if (c == null) {
            return;
        }
        if (c.anchorSlot <= lclSeq + 1) {
            finishCatchUp();
            return;
        }
        StellarValue anchor;
        try {
            anchor = StellarValues.decode(c.anchorValue);
        } catch (IOException e) {
            abandonCatchUp("the anchor value is not a StellarValue");
            return;
        }
        TransactionSet anchorSet = txSets.get(hex(anchor.getTxSetHash().getHash()));
        if (anchorSet == null) {
            c.requestedAtMs = 0;
            request("t" + hex(anchor.getTxSetHash().getHash()), null);
            return;
        }
        long last = c.anchorSlot - 1;
        long next = lclSeq + 1;
        while (c.received.containsKey(next) && next <= last) {
            next++;
        }
        if (next <= last) {
            String source = source(c);
            c.requestedAtMs = exec.nowMs();
            network.send(source, MessageKind.GET_LEDGERS,
                    Wire.ledgerRange(next, Math.min(last, next + Wire.LEDGERS_PER_MESSAGE - 1)));
            return;
        }
        // Everything fetched: check the header chain from the anchor back to our last ledger, then apply.
        byte[] expected = anchorSet.getPreviousLedgerHash().getHash();
        for (long seq = last; seq > lclSeq; seq--) {
            Wire.ShippedLedger shipped = c.received.get(seq);
            byte[] headerHash = sha256(Wire.write(shipped.header()::encode));
            if (!Arrays.equals(headerHash, expected)
                    || shipped.header().getLedgerSeq().getUint32().getNumber() != seq
                    || !Arrays.equals(ledger.transactionSetHash(shipped.transactionSet()),
                            shipped.header().getScpValue().getTxSetHash().getHash())) {
                rejectSource(c, "ledger " + seq + " does not chain to the externalized slot " + c.anchorSlot);
                return;
            }
            expected = shipped.header().getPreviousLedgerHash().getHash();
        }
        if (!Arrays.equals(expected, lclHash)) {
            halt("the network's ledger " + (lclSeq + 1) + " does not build on this node's ledger " + lclSeq
                    + ": this node's history diverged from the network");
            return;
        }
        for (long seq = lclSeq + 1; seq <= last; seq++) {
            Wire.ShippedLedger shipped = c.received.get(seq);
            LedgerHeader applied;
            try {
                applied = ledger.apply(shipped.transactionSet(), closeTime(shipped.header()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "applying ledger " + seq + " during catch-up failed; retrying", e);
                return;
            }
            if (!Arrays.equals(sha256(Wire.write(applied::encode)), sha256(Wire.write(shipped.header()::encode)))) {
                halt("ledger " + seq + " applied here differs from the network's: this node's rules diverge");
                return;
            }
            ledgersCaughtUp++;
            c.received.remove(seq);
            readLastClosed(applied);
        }
        LOG.info(() -> "caught up to ledger " + lclSeq + "; joining slot " + (lclSeq + 1));
        finishCatchUp();
    }

    private void finishCatchUp() {
        catchUp = null;
        lastTriggerMs = exec.nowMs();
        ledgerClosed(lcl);
        for (String peer : peers) {
            network.send(peer, MessageKind.GET_SCP_STATE, Wire.slot(lclSeq + 1));
        }
    }

    /**
     * The validator to fetch from: the sources (the v-blocking set that externalized the anchor) in turn, skipping
     * those not connected to this node as long as one of them is.
     */
    private String source(CatchUp c) {
        for (int i = 0; i < c.sources.size(); i++) {
            String candidate = c.sources.get((c.sourceIndex + i) % c.sources.size());
            if (peers.contains(candidate)) {
                c.sourceIndex += i;
                return candidate;
            }
        }
        return c.sources.get(c.sourceIndex % c.sources.size());
    }

    private void rejectSource(CatchUp c, String why) {
        String source = c.sources.get(c.sourceIndex % c.sources.size());
        LOG.warning(() -> "catch-up: " + why + " (from " + source + "); asking another validator");
        c.received.clear();
        c.sourceIndex++;
        c.requestedAtMs = 0;
        if (c.sourceIndex >= c.sources.size() * 3) {
            abandonCatchUp("no validator served a chain that checks");
            return;
        }
        continueCatchUp();
    }

    private void abandonCatchUp(String why) {
        LOG.warning(() -> "catch-up abandoned: " + why + "; it starts again when the network is heard ahead");
        catchUp = null;
        future.clear();
        scheduleTrigger();
    }

    private void serveLedgers(String from, byte[] payload) throws IOException {
        Wire.LedgerRange range = Wire.readLedgerRange(payload);
        long last = Math.min(Math.min(range.last(), lclSeq), range.first() + Wire.LEDGERS_PER_MESSAGE - 1);
        List<Wire.ShippedLedger> ledgers = new ArrayList<>();
        for (long seq = Math.max(2, range.first()); seq <= last; seq++) {
            Optional<LedgerHeader> header = ledger.header(seq);
            Optional<TransactionSet> set = ledger.transactionSet(seq);
            if (header.isEmpty() || set.isEmpty()) {
                break;
            }
            ledgers.add(new Wire.ShippedLedger(header.get(), set.get()));
        }
        network.send(from, MessageKind.LEDGERS, Wire.ledgers(ledgers));
    }

    private void receiveLedgers(String from, byte[] payload) throws IOException {
        CatchUp c = catchUp;
        if (c == null) {
            return;
        }
        List<Wire.ShippedLedger> ledgers = Wire.readLedgers(payload);
        if (ledgers.isEmpty()) {
            rejectSource(c, "the validator does not keep the ledgers asked for");
            return;
        }
        c.requestedAtMs = 0;
        for (Wire.ShippedLedger shipped : ledgers) {
            long seq = shipped.header().getLedgerSeq().getUint32().getNumber();
            if (seq > lclSeq && seq < c.anchorSlot) {
                c.received.put(seq, shipped);
            }
        }
        continueCatchUp();
    }

    private void serveScpState(String from, byte[] payload) throws IOException {
        long fromSlot = Math.max(Wire.readSlot(payload), lclSeq - SLOTS_KEPT);
        for (Map.Entry<Long, Map<Boolean, SCPEnvelope>> entry : sent.tailMap(fromSlot, true).entrySet()) {
            for (SCPEnvelope envelope : ownLatest(entry.getKey())) {
                network.send(from, MessageKind.SCP_MESSAGE, Wire.write(envelope::encode));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ housekeeping

    private void tick() {
        try {
            long now = exec.nowMs();
            for (Pending p : parked.values()) {
                for (String item : missing(p.envelope())) {
                    request(item, null);
                }
            }
            for (LinkedHashMap<String, Pending> slot : future.values()) {
                for (Pending p : slot.values()) {
                    for (String item : missing(p.envelope())) {
                        request(item, null);
                    }
                }
            }
            if (catchUp != null && catchUp.requestedAtMs != 0 && now - catchUp.requestedAtMs > CATCH_UP_TIMEOUT_MS) {
                // No answer in time: ask the next validator.
                catchUp.sourceIndex++;
                catchUp.requestedAtMs = 0;
                continueCatchUp();
            } else if (catchUp != null && catchUp.requestedAtMs == 0) {
                continueCatchUp();
            }
            applyReady();
            if (now - lastRebroadcastMs >= REBROADCAST_MS) {
                lastRebroadcastMs = now;
                // Receivers drop what they already saw; a peer that missed a message (a connection replaced or
                // re-established) gets it now.
                for (SCPEnvelope envelope : ownLatest(lclSeq + 1)) {
                    byte[] bytes = Wire.write(envelope::encode);
                    for (String peer : peers) {
                        network.send(peer, MessageKind.SCP_MESSAGE, bytes);
                    }
                }
            }
            if (catchUp == null && trigger == null && nominatedSlot <= lclSeq && haltReason == null) {
                scheduleTrigger();
            }
            publishStatus();
        } finally {
            exec.schedule(TICK_MS, this::tick);
        }
    }

    private void halt(String reason) {
        haltReason = reason;
        catchUp = null;
        if (trigger != null) {
            trigger.cancel();
        }
        LOG.severe(() -> "HALTED: " + reason + ". The node closes no further ledger; investigate before restarting.");
        publishStatus();
    }

    private void restore() {
        for (SCPEnvelope envelope : stateStore.load()) {
            long slot = envelope.getStatement().getSlotIndex().getUint64().getNumber().longValue();
            if (slot <= lclSeq || !localId.equals(envelope.getStatement().getNodeID())) {
                continue;
            }
            scp.setStateFromEnvelope(slot, envelope);
            boolean nomination = envelope.getStatement().getPledges().getDiscriminant() == SCPStatementType.SCP_ST_NOMINATE;
            sent.computeIfAbsent(slot, s -> new HashMap<>()).put(nomination, envelope);
            if (envelope.getStatement().getPledges().getDiscriminant() == SCPStatementType.SCP_ST_EXTERNALIZE) {
                externalized.put(slot, envelope.getStatement().getPledges().getExternalize().getCommit().getValue());
            }
            LOG.info(() -> "restored this node's " + envelope.getStatement().getPledges().getDiscriminant()
                    + " for slot " + slot + " from the SCP state file");
        }
    }

    private List<SCPEnvelope> ownLatest(long slot) {
        Map<Boolean, SCPEnvelope> latest = sent.get(slot);
        if (latest == null) {
            return List.of();
        }
        List<SCPEnvelope> out = new ArrayList<>();
        if (latest.containsKey(true)) {
            out.add(latest.get(true));
        }
        if (latest.containsKey(false)) {
            out.add(latest.get(false));
        }
        return out;
    }

    private void readLastClosed() {
        readLastClosed(ledger.lastClosedHeader());
    }

    private void readLastClosed(LedgerHeader header) {
        lcl = header;
        lclHash = sha256(Wire.write(header::encode));
        lclSeq = header.getLedgerSeq().getUint32().getNumber();
    }

    private void publishStatus() {
        long slot = lclSeq + 1;
        String phase;
        long counter = 0;
        Optional<BallotSnapshot> ballot = scp.getBallotState(slot);
        if (ballot.isPresent() && ballot.get().current() != null) {
            phase = ballot.get().phase().name().toLowerCase(java.util.Locale.ROOT);
            Ballot current = ballot.get().current();
            counter = current.counter();
        } else if (nominatedSlot >= slot) {
            phase = "nominating";
        } else {
            phase = "waiting";
        }
        long now = exec.nowMs();
        List<HerderStatus.Validator> list = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<NodeID> recent = new ArrayList<>();
        for (String validator : validators) {
            boolean self = validator.equals(localKey);
            Heard h = heard.get(validator);
            if (self) {
                list.add(new HerderStatus.Validator(validator, true, lclSeq, now, null));
                recent.add(localId);
                continue;
            }
            list.add(new HerderStatus.Validator(validator, false, h == null ? 0 : h.slot(), h == null ? 0 : h.atMs(),
                    h == null ? null : statementName(h.type())));
            if (h != null && now - h.atMs() <= HEARD_RECENTLY_MS && h.slot() >= lclSeq) {
                recent.add(nodeId(NodeKey.decodeAccountId(validator)));
            } else {
                missing.add(validator);
            }
        }
        String mode = haltReason != null ? "halted" : catchUp != null ? "catching_up"
                : lastExternalizedMs == 0 && ledgersCaughtUp == 0 ? "waiting" : "tracking";
        int waiting = parked.size() + future.values().stream().mapToInt(Map::size).sum();
        status = new HerderStatus(mode, lclSeq, hex(lclHash), slot, catchUp != null ? "catching_up" : phase, counter,
                new HerderStatus.Quorum(quorumSet.getThreshold().getUint32().getNumber(), list,
                        QuorumSets.isQuorumSlice(quorumSet, recent), missing),
                catchUp == null ? 0 : catchUp.anchorSlot - 1, ledgersCaughtUp, lastExternalizedMs, waiting, haltReason);
    }

    private static String statementName(SCPStatementType type) {
        return switch (type) {
            case SCP_ST_NOMINATE -> "nominate";
            case SCP_ST_PREPARE -> "prepare";
            case SCP_ST_CONFIRM -> "confirm";
            case SCP_ST_EXTERNALIZE -> "externalize";
        };
    }

    // ------------------------------------------------------------------------------------------ SCP driver

    private final class Driver implements ScpDriver {

        @Override
        public ValidationLevel validateValue(long slotIndex, Value value, boolean nomination) {
            if (slotIndex != lclSeq + 1) {
                return ValidationLevel.MAYBE_VALID;
            }
            String cacheKey = (nomination ? "n" : "b") + hex(value.getValue());
            ValidationLevel cached = validations.get(cacheKey);
            if (cached != null) {
                return cached;
            }
            ValidationLevel level = validate(value, nomination);
            validations.put(cacheKey, level);
            return level;
        }

        private ValidationLevel validate(Value value, boolean nomination) {
            StellarValue sv;
            try {
                sv = StellarValues.decode(value);
            } catch (IOException e) {
                return ValidationLevel.INVALID;
            }
            if (sv.getUpgrades() != null && sv.getUpgrades().length > 0) {
                return ValidationLevel.INVALID;
            }
            long closeTime;
            try {
                closeTime = StellarValues.closeTime(sv);
            } catch (ArithmeticException e) {
                return ValidationLevel.INVALID;
            }
            if (closeTime <= closeTime(lcl)) {
                return ValidationLevel.INVALID;
            }
            if (nomination && closeTime > exec.nowMs() / 1000 + CLOSE_TIME_SLIP_SECONDS) {
                return ValidationLevel.INVALID;
            }
            TransactionSet set = txSets.get(hex(sv.getTxSetHash().getHash()));
            if (set == null) {
                return ValidationLevel.MAYBE_VALID;
            }
            if (!Arrays.equals(set.getPreviousLedgerHash().getHash(), lclHash)) {
                return ValidationLevel.INVALID;
            }
            Optional<String> problem = ledger.checkTransactionSet(set);
            if (problem.isPresent()) {
                LOG.fine(() -> "transaction set " + hex(sv.getTxSetHash().getHash()) + " refused: " + problem.get());
                return ValidationLevel.INVALID;
            }
            return ValidationLevel.FULLY_VALIDATED;
        }

        @Override
        public Value combineCandidates(long slotIndex, SortedSet<Value> candidates) {
            Value best = null;
            long bestOps = -1;
            int bestTxs = -1;
            byte[] bestHash = null;
            long closeTime = 0;
            byte[] setHash = null;
            for (Value candidate : candidates) {
                StellarValue sv;
                try {
                    sv = StellarValues.decode(candidate);
                } catch (IOException e) {
                    continue;
                }
                closeTime = Math.max(closeTime, StellarValues.closeTime(sv));
                TransactionSet set = txSets.get(hex(sv.getTxSetHash().getHash()));
                int txs = set == null ? 0 : set.getTxs().length;
                long ops = set == null ? 0 : operations(set);
                byte[] valueHash = sha256(candidate.getValue());
                boolean better = best == null || ops > bestOps || (ops == bestOps && txs > bestTxs)
                        || (ops == bestOps && txs == bestTxs && Arrays.compareUnsigned(valueHash, bestHash) < 0);
                if (better) {
                    best = candidate;
                    bestOps = ops;
                    bestTxs = txs;
                    bestHash = valueHash;
                    setHash = sv.getTxSetHash().getHash();
                }
            }
            if (best == null) {
                return candidates.first();
            }
            return StellarValues.toValue(StellarValues.of(setHash, closeTime));
        }

        @Override
        public Optional<SCPQuorumSet> getQuorumSet(Hash quorumSetHash) {
            return Optional.ofNullable(quorumSets.get(hex(quorumSetHash.getHash())));
        }

        @Override
        public void emitEnvelope(SCPEnvelope envelope) {
            long slot = envelope.getStatement().getSlotIndex().getUint64().getNumber().longValue();
            boolean nomination = envelope.getStatement().getPledges().getDiscriminant() == SCPStatementType.SCP_ST_NOMINATE;
            sent.computeIfAbsent(slot, s -> new HashMap<>()).put(nomination, envelope);
            List<SCPEnvelope> open = new ArrayList<>();
            for (long s : sent.tailMap(lclSeq, false).keySet()) {
                open.addAll(ownLatest(s));
            }
            stateStore.save(open);
            network.broadcast(MessageKind.SCP_MESSAGE, Wire.write(envelope::encode));
        }

        @Override
        public Signature signEnvelope(SCPEnvelope unsignedEnvelope) {
            byte[] payload = ScpSignatures.payload(config.networkId(), unsignedEnvelope.getStatement());
            return new Signature(config.nodeKey().sign(payload));
        }

        @Override
        public boolean verifyEnvelope(SCPEnvelope envelope) {
            return verify(envelope);
        }

        @Override
        public void setupTimer(long slotIndex, TimerId timerId, long delayMs, Runnable callback) {
            stopTimer(slotIndex, timerId);
            String k = slotIndex + "/" + timerId;
            timers.put(k, exec.schedule(delayMs, () -> {
                timers.remove(k);
                callback.run();
                publishStatus();
            }));
        }

        @Override
        public void stopTimer(long slotIndex, TimerId timerId) {
            HerderExecutor.Cancellable timer = timers.remove(slotIndex + "/" + timerId);
            if (timer != null) {
                timer.cancel();
            }
        }

        @Override
        public void valueExternalized(long slotIndex, Value value) {
            externalized.put(slotIndex, value);
            exec.execute(Herder.this::applyReady);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private boolean verify(SCPEnvelope envelope) {
        try {
            byte[] key = envelope.getStatement().getNodeID().getNodeID().getEd25519().getUint256();
            byte[] payload = ScpSignatures.payload(config.networkId(), envelope.getStatement());
            return NodeKey.verify(key, payload, envelope.getSignature().getSignature());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long operations(TransactionSet set) {
        long ops = 0;
        for (TransactionEnvelope tx : set.getTxs()) {
            ops += switch (tx.getDiscriminant()) {
                case ENVELOPE_TYPE_TX_V0 -> tx.getV0().getTx().getOperations().length;
                case ENVELOPE_TYPE_TX -> tx.getV1().getTx().getOperations().length;
                case ENVELOPE_TYPE_TX_FEE_BUMP -> tx.getFeeBump().getTx().getInnerTx().getV1().getTx().getOperations().length + 1;
                default -> 0;
            };
        }
        return ops;
    }

    private static long closeTime(LedgerHeader header) {
        return StellarValues.closeTime(header.getScpValue());
    }

    static NodeID nodeId(byte[] publicKey) {
        PublicKey pk = new PublicKey();
        pk.setDiscriminant(PublicKeyType.PUBLIC_KEY_TYPE_ED25519);
        pk.setEd25519(new Uint256(publicKey.clone()));
        return new NodeID(pk);
    }

    static String key(NodeID node) {
        return NodeKey.accountId(node.getNodeID().getEd25519().getUint256());
    }

    private static String describe(SCPQuorumSet q) {
        return q.getThreshold().getUint32().getNumber() + " of " + QuorumSets.allNodes(q).size();
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
