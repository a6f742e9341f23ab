package io.corridor.consensus.herder;

import static io.corridor.consensus.herder.HerderTestKit.config;
import static io.corridor.consensus.herder.HerderTestKit.headerBytes;
import static io.corridor.consensus.herder.HerderTestKit.keys;
import static io.corridor.consensus.herder.HerderTestKit.qSet;
import static io.corridor.consensus.herder.HerderTestKit.transaction;
import static io.corridor.consensus.herder.HerderTestKit.uint32;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.consensus.herder.HerderTestKit.FakeLedger;
import io.corridor.consensus.herder.HerderTestKit.MemoryStateStore;
import io.corridor.consensus.herder.HerderTestKit.VirtualExecutor;
import io.corridor.consensus.herder.HerderTestKit.VirtualTime;
import io.corridor.consensus.overlay.MessageKind;
import io.corridor.consensus.overlay.NodeKey;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.TransactionEnvelope;

/**
 * Four herders (3-of-4) over four in-memory ledgers on a virtual network and clock: they agree slot after slot;
 * one kept away catches up through GET_LEDGERS/LEDGERS and agrees again, also when a catch-up source lies.
 */
class HerderNetworkTest {
    private static final List<NodeKey> KEYS = keys(4);
    private static final SCPQuorumSet QSET = qSet(3, KEYS);
    private static final long SEED = 20261122;

    private final VirtualTime time = new VirtualTime();
    private final Random random = new Random(SEED);
    private final List<Node> nodes = new ArrayList<>();
    /** Changes (returns another payload) or drops (returns null) a message in flight. */
    private Interceptor interceptor = (from, to, kind, payload) -> payload;
    /** GET_LEDGERS requests: "from->to". */
    private final List<String> ledgerRequests = new ArrayList<>();

    interface Interceptor {
        byte[] apply(Node from, Node to, MessageKind kind, byte[] payload);
    }

    final class Node implements PeerNetwork {
        final NodeKey key;
        final String id;
        final String name;
        final FakeLedger ledger = new FakeLedger();
        final MemoryStateStore store = new MemoryStateStore();
        final VirtualExecutor exec = new VirtualExecutor(time);
        final Herder herder;
        boolean connected = true;

        Node(int i, int closedBefore) {
            key = KEYS.get(i);
            id = key.accountId();
            name = "node" + i;
            ledger.closeEmpty(closedBefore);
            herder = new Herder(config(key, QSET), ledger, this, exec, store);
        }

        @Override
        public void broadcast(MessageKind kind, byte[] payload) {
            for (Node n : nodes) {
                if (n != this) {
                    deliver(this, n, kind, payload);
                }
            }
        }

        @Override
        public void relay(String fromPeer, MessageKind kind, byte[] payload) {
            // Full mesh: every herder already got it from its origin.
        }

        @Override
        public boolean send(String peer, MessageKind kind, byte[] payload) {
            for (Node n : nodes) {
                if (n.id.equals(peer)) {
                    return deliver(this, n, kind, payload);
                }
            }
            return false;
        }

        long sequence() {
            return ledger.sequence();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Delivers after 5..40 ms when both ends are connected. */
    private boolean deliver(Node from, Node to, MessageKind kind, byte[] payload) {
        if (!from.connected || !to.connected) {
            return false;
        }
        if (kind == MessageKind.GET_LEDGERS) {
            ledgerRequests.add(from.name + "->" + to.name);
        }
        byte[] changed = interceptor.apply(from, to, kind, payload.clone());
        if (changed != null) {
            time.schedule(to.exec, 5 + random.nextInt(36), () -> to.herder.onMessage(from.id, kind, changed));
        }
        return true;
    }

    private void startAll() {
        startAll(0, 0);
    }

    /**
     * Starts four herders; the first three on a history of {@code history} empty ledgers (the same chain on each),
     * node3 on the first {@code behindHistory} of them.
     */
    private void startAll(int history, int behindHistory) {
        for (int i = 0; i < KEYS.size(); i++) {
            nodes.add(new Node(i, i == 3 ? behindHistory : history));
        }
        nodes.forEach(n -> n.herder.start());
        for (Node a : nodes) {
            for (Node b : nodes) {
                if (a != b) {
                    a.herder.onPeerConnected(b.id);
                }
            }
        }
    }

    private long minLedger(List<Node> which) {
        return which.stream().mapToLong(Node::sequence).min().orElseThrow();
    }

    private void assertAgreement() {
        long common = minLedger(nodes);
        for (long seq = 1; seq <= common; seq++) {
            byte[] reference = headerBytes(nodes.get(0).ledger.header(seq).orElseThrow());
            for (Node n : nodes) {
                assertThat(headerBytes(n.ledger.header(seq).orElseThrow()))
                        .as("ledger " + seq + " on " + n + " equals node0's (seed " + SEED + ")").isEqualTo(reference);
            }
        }
        for (Node n : nodes) {
            assertThat(n.herder.status().haltReason()).as(n + " halted").isNull();
            assertThat(n.herder.status().ledgerHash())
                    .isEqualTo(Herder.hex(HerderTestKit.headerHash(n.ledger.last())));
        }
    }

    // ------------------------------------------------------------------------------------------ agreement

    @Test
    void fourHerdersExternalizeSlot2AndApplyTheSameValue() {
        TransactionEnvelope tx = transaction("flooded-to-all", 2);
        startAll();
        nodes.forEach(n -> n.ledger.receiveTransaction(tx));

        boolean closed = time.runUntil(() -> minLedger(nodes) >= 2, 30_000);

        assertThat(closed).as("every node closed ledger 2 within 30 s").isTrue();
        assertAgreement();
        LedgerHeader two = nodes.get(0).ledger.header(2).orElseThrow();
        assertThat(two.getPreviousLedgerHash().getHash()).isEqualTo(HerderTestKit.headerHash(FakeLedger.genesis()));
        assertThat(StellarValues.closeTime(two.getScpValue())).isGreaterThan(HerderTestKit.GENESIS_CLOSE_TIME);
        for (Node n : nodes) {
            assertThat(n.ledger.applied).as(n + " applied slot 2 once").isEqualTo(1);
            assertThat(n.ledger.transactionSet(2).orElseThrow().getTxs()).as("the set with the transaction won")
                    .containsExactly(tx);
            HerderStatus status = n.herder.status();
            assertThat(status.ledger()).isEqualTo(2);
            assertThat(status.mode()).isEqualTo("tracking");
            assertThat(status.ledgersCaughtUp()).isZero();
        }

        time.runUntil(() -> minLedger(nodes) >= 4, 30_000);
        assertThat(minLedger(nodes)).isGreaterThanOrEqualTo(4);
        assertAgreement();
        for (Node n : nodes) {
            assertThat(n.herder.status().quorum().healthy()).as(n + " quorum health").isTrue();
        }
    }

    // ------------------------------------------------------------------------------------------ catch-up

    /** Keeps node3 away while the others close 5 ledgers, then reconnects it both ways; returns node3. */
    private Node isolateForFiveSlotsThenReconnect() {
        startAll();
        assertThat(time.runUntil(() -> minLedger(nodes) >= 2, 30_000)).isTrue();
        Node away = nodes.get(3);
        List<Node> others = nodes.subList(0, 3);
        away.connected = false;
        for (Node n : others) {
            n.herder.onPeerDisconnected(away.id);
            away.herder.onPeerDisconnected(n.id);
        }
        long left = away.sequence();
        assertThat(time.runUntil(() -> minLedger(others) >= left + 5, 30_000)).as("three of four go on").isTrue();
        time.run(300);
        assertThat(away.sequence()).as("alone it cannot close").isEqualTo(left);
        assertThat(ledgerRequests).isEmpty();

        away.connected = true;
        for (Node n : others) {
            away.herder.onPeerConnected(n.id);
            n.herder.onPeerConnected(away.id);
        }
        return away;
    }

    /** Runs until node3 is back at the others' ledger; returns the modes its status went through. */
    private Set<String> runUntilBackInStep(Node away) {
        List<Node> others = nodes.subList(0, 3);
        Set<String> modes = new LinkedHashSet<>();
        boolean back = time.runUntil(() -> {
            modes.add(away.herder.status().mode());
            return away.sequence() >= minLedger(others) && away.herder.status().mode().equals("tracking")
                    && minLedger(others) > 2;
        }, 20_000);
        assertThat(back).as("back in step: " + away.herder.status() + ", requests " + ledgerRequests).isTrue();
        time.run(1_000);
        HerderStatus status = away.herder.status();
        assertThat(status.mode()).isEqualTo("tracking");
        assertThat(away.sequence()).as("agrees again").isGreaterThanOrEqualTo(minLedger(others) - 1);
        assertThat(ledgerRequests).allMatch(r -> r.startsWith(away.name + "->"));
        assertAgreement();
        return modes;
    }

    /**
     * Five slots away: on reconnection the peers' state (their EXTERNALIZE of the current slot, then the last
     * {@link Herder#SLOTS_KEPT} slots' envelopes answering GET_SCP_STATE) puts it in catch-up; the replayed
     * slots usually close the gap before the LEDGERS answer arrives, so it need not count fetched ledgers.
     */
    @Test
    void aHerderKeptAwayForFiveSlotsIsBackInStepAfterReconnectingBothWays() {
        Node away = isolateForFiveSlotsThenReconnect();
        long left = away.sequence();

        Set<String> modes = runUntilBackInStep(away);

        assertThat(modes).as("it noticed it was behind").contains("catching_up");
        assertThat(away.sequence()).isGreaterThanOrEqualTo(left + 5);
        long before = away.sequence();
        time.run(1_500);
        assertThat(away.sequence()).as("keeps closing with the others").isGreaterThan(before);
        assertAgreement();
    }

    /**
     * node3 is 42 ledgers behind, further than peers replay SCP state: it fetches ledgers 4..45 with GET_LEDGERS
     * (32 at most per LEDGERS), checks them against the slot the network externalized and applies them.
     */
    @Test
    void aHerderFarBehindCatchesUpThroughGetLedgersAndAgreesAgain() {
        int[] shipped = {0};
        interceptor = (from, to, kind, payload) -> {
            if (kind == MessageKind.LEDGERS) {
                shipped[0] = Math.max(shipped[0], count(payload));
            }
            return payload;
        };
        startAll(44, 2);
        Node away = nodes.get(3);
        assertThat(away.sequence()).isEqualTo(3);
        assertThat(nodes.get(0).sequence()).isEqualTo(45);

        runUntilBackInStep(away);

        HerderStatus status = away.herder.status();
        assertThat(status.ledgersCaughtUp()).as("ledgers 4..45 (and any closed meanwhile) fetched")
                .isGreaterThanOrEqualTo(42);
        assertThat(shipped[0]).isEqualTo(Wire.LEDGERS_PER_MESSAGE);
        assertThat(ledgerRequests.size()).as("at least two GET_LEDGERS: " + ledgerRequests).isGreaterThanOrEqualTo(2);
        for (long seq = 4; seq <= 45; seq++) {
            assertThat(away.ledger.transactionSet(seq)).isPresent();
        }
    }

    @Test
    void aCatchUpSourceServingATamperedLedgerIsRejectedAndAnotherValidatorIsAsked() {
        Node[] liar = {null};
        int[] tampered = {0};
        interceptor = (from, to, kind, payload) -> {
            if (kind == MessageKind.GET_LEDGERS && liar[0] == null) {
                liar[0] = to;
            }
            if (kind == MessageKind.LEDGERS && from == liar[0]) {
                tampered[0]++;
                return tamper(payload);
            }
            return payload;
        };
        startAll(20, 2);
        Node away = nodes.get(3);

        runUntilBackInStep(away);

        assertThat(tampered[0]).as("the liar answered").isPositive();
        assertThat(away.herder.status().ledgersCaughtUp()).isGreaterThanOrEqualTo(17);
        Set<String> asked = new LinkedHashSet<>(ledgerRequests);
        assertThat(asked).as("another validator was asked after the tampered answer").hasSizeGreaterThan(1)
                .contains(away.name + "->" + liar[0].name);
        assertThat(away.herder.status().haltReason()).isNull();
    }

    @Test
    void aCatchUpSourceThatNeverAnswersIsGivenUpForAnotherValidator() {
        Node[] silent = {null};
        interceptor = (from, to, kind, payload) -> {
            if (kind == MessageKind.GET_LEDGERS && silent[0] == null) {
                silent[0] = to;
            }
            return kind == MessageKind.GET_LEDGERS && to == silent[0] ? null : payload;
        };
        startAll(20, 2);
        Node away = nodes.get(3);

        runUntilBackInStep(away);

        assertThat(new LinkedHashSet<>(ledgerRequests)).hasSizeGreaterThan(1);
    }

    private static int count(byte[] ledgersPayload) {
        try {
            return Wire.readLedgers(ledgersPayload).size();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Changes every header's base fee: the chain of hashes no longer leads to the externalized slot. */
    private static byte[] tamper(byte[] payload) {
        try {
            List<Wire.ShippedLedger> ledgers = Wire.readLedgers(payload);
            List<Wire.ShippedLedger> out = new ArrayList<>();
            for (Wire.ShippedLedger l : ledgers) {
                LedgerHeader h = HerderTestKit.copy(l.header());
                h.setBaseFee(uint32(h.getBaseFee().getUint32().getNumber() + 1));
                out.add(new Wire.ShippedLedger(h, l.transactionSet()));
            }
            byte[] changed = Wire.ledgers(out);
            assertThat(Arrays.equals(changed, payload) && !ledgers.isEmpty()).isFalse();
            return changed;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
