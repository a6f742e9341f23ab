package io.corridor.ledger.infrastructure.consensus;

import static io.corridor.ledger.core.LedgerFixture.builder;
import static io.corridor.ledger.core.LedgerFixture.createAccountOp;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.paymentOp;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.consensus.herder.Herder;
import io.corridor.consensus.herder.HerderConfig;
import io.corridor.consensus.herder.HerderExecutor;
import io.corridor.consensus.herder.HerderStatus;
import io.corridor.consensus.herder.PeerNetwork;
import io.corridor.consensus.herder.ScpStateStore;
import io.corridor.consensus.overlay.MessageKind;
import io.corridor.consensus.overlay.NodeKey;
import io.corridor.ledger.application.InMemoryLedgerStore;
import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.application.Submission;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.NetworkProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Network;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.TransactionEnvelope;

/**
 * Four validators, each a real {@link LedgerNode} with its herder, on a simulated network and one virtual clock
 * driven by a seed: they agree on every ledger under a steady payment load, keep closing ledgers while one of
 * them is down, and the restarted one catches up from its peers and agrees again. The seed is in every message.
 */
class ConsensusNetworkTest {
    private static final NetworkProfile PROFILE = NetworkProfile.IQONIQ;
    private static final long START_MS = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();
    private static final long CLOSE_MS = 1_000;
    private static final int NODES = 4;
    private static final int ACCOUNTS = 8;

    private final Network network = new Network(PROFILE.passphrase());
    private final KeyPair root = KeyPair.fromSecretSeed(PROFILE.rootSeed());
    private final List<KeyPair> accounts = IntStream.range(0, ACCOUNTS).mapToObj(i -> key("payer" + i)).toList();

    @Test
    void fourValidatorsAgreeUnderLoadAndARestartedOneCatchesUp() {
        long seed = 20261122;
        Sim sim = new Sim(seed);
        String where = "seed=" + seed;
        sim.fundAccounts();
        sim.runFor(30_000, true);
        long reached = sim.minLedger();
        assertThat(reached).as("ledgers closed in 30 s at 1-s intervals, " + where).isGreaterThanOrEqualTo(20);
        sim.assertAgreement(where);
        assertThat(sim.applied).as("payments applied, " + where).isGreaterThan(50);

        SimNode down = sim.nodes.get(3);
        down.stop();
        long before = sim.nodes.get(0).node.sequence();
        sim.runFor(20_000, true);
        assertThat(sim.nodes.get(0).node.sequence() - before).as("three of four keep closing, " + where)
                .isGreaterThanOrEqualTo(12);
        assertThat(down.node.sequence()).as("the stopped node stayed behind").isLessThan(sim.nodes.get(0).node.sequence());

        down.restart();
        sim.runFor(15_000, true);
        HerderStatus status = down.herder.status();
        assertThat(status.ledgersCaughtUp()).as("ledgers fetched by catch-up, " + where).isPositive();
        assertThat(down.node.sequence()).as("the restarted node follows the network again, " + where)
                .isGreaterThanOrEqualTo(sim.nodes.get(0).node.sequence() - 1);
        assertThat(status.mode()).isEqualTo("tracking");
        sim.assertAgreement(where);
        for (SimNode node : sim.nodes) {
            assertThat(node.herder.status().quorum().healthy()).as(node.name + " quorum health, " + where).isTrue();
        }
    }

    // ------------------------------------------------------------------------------------ simulation

    private record Event(long at, long order, SimNode owner, int generation, Runnable task) {
    }

    private final class Sim {
        final Random random;
        final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
                : Long.compare(a.order, b.order));
        long now = START_MS;
        long order;
        final List<SimNode> nodes = new ArrayList<>();
        final SCPQuorumSet quorumSet;
        int applied;

        Sim(long seed) {
            random = new Random(seed);
            List<KeyPair> keys = IntStream.range(0, NODES).mapToObj(i -> key("validator" + i)).toList();
            quorumSet = ConsensusNode.quorumSet(new ConsensusSettings("127.0.0.1", 1, List.of(),
                    keys.stream().map(KeyPair::getAccountId).toList(), 3, false));
            for (int i = 0; i < NODES; i++) {
                nodes.add(new SimNode(this, "node" + (i + 1), keys.get(i)));
            }
            nodes.forEach(SimNode::start);
            connectAll();
        }

        void connectAll() {
            for (SimNode a : nodes) {
                for (SimNode b : nodes) {
                    if (a != b && a.up && b.up) {
                        a.herder.onPeerConnected(b.key.getAccountId());
                    }
                }
            }
        }

        void schedule(SimNode owner, long delay, Runnable task) {
            events.add(new Event(now + Math.max(0, delay), order++, owner, owner.generation, task));
        }

        /** Delivers to every other running node after 5..40 ms. */
        void deliver(SimNode from, String to, MessageKind kind, byte[] payload) {
            for (SimNode node : nodes) {
                if (node != from && (to == null || node.key.getAccountId().equals(to)) && node.up && from.up) {
                    schedule(node, 5 + random.nextInt(36), () -> node.herder.onMessage(from.key.getAccountId(), kind,
                            payload.clone()));
                }
            }
        }

        void runFor(long ms, boolean payments) {
            long end = now + ms;
            long nextPayment = now;
            while (true) {
                Event next = events.peek();
                long due = payments ? Math.min(nextPayment, next == null ? Long.MAX_VALUE : next.at) : next.at;
                if (due > end) {
                    now = end;
                    return;
                }
                if (payments && nextPayment <= (next == null ? Long.MAX_VALUE : next.at)) {
                    now = nextPayment;
                    submitPayments();
                    nextPayment += 250;
                    continue;
                }
                events.poll();
                now = next.at;
                if (next.owner.up && next.owner.generation == next.generation) {
                    next.task.run();
                }
            }
        }

        void fundAccounts() {
            SimNode entry = nodes.get(0);
            var b = builder(network, root, seq(entry.node, root));
            accounts.forEach(a -> b.addOperation(createAccountOp(a, iqq(1_000))));
            Transaction tx = b.build();
            tx.sign(root);
            assertThat(entry.node.submit(envelope(tx))).isInstanceOf(Submission.Pending.class);
            runFor(5_000, false);
            for (SimNode node : nodes) {
                assertThat(node.node.load(LedgerFixture.accountKey(accounts.get(0)))).as(node.name + " funded").isPresent();
            }
        }

        /** Each account pays another through a random running validator, when it has nothing pending. */
        void submitPayments() {
            KeyPair from = accounts.get(random.nextInt(ACCOUNTS));
            KeyPair to = accounts.get(random.nextInt(ACCOUNTS));
            List<SimNode> running = nodes.stream().filter(n -> n.up).toList();
            SimNode via = running.get(random.nextInt(running.size()));
            Transaction tx = builder(network, from, seq(via.node, from)).addOperation(paymentOp(to, 1_000 + random.nextInt(1_000))).build();
            tx.sign(from);
            Submission s = via.node.submit(envelope(tx));
            if (s instanceof Submission.Pending pending) {
                pending.outcome().thenAccept(r -> applied++);
            }
        }

        long minLedger() {
            return nodes.stream().filter(n -> n.up).mapToLong(n -> n.node.sequence()).min().orElseThrow();
        }

        /** Every ledger every running node closed is the same on all of them, byte for byte. */
        void assertAgreement(String where) {
            long common = minLedger();
            for (long seq = 1; seq <= common; seq++) {
                byte[] reference = headerBytes(nodes.get(0).node, seq);
                for (SimNode node : nodes) {
                    if (node.up) {
                        assertThat(Arrays.equals(headerBytes(node.node, seq), reference))
                                .as("ledger " + seq + " on " + node.name + " equals node1's, " + where).isTrue();
                    }
                }
            }
        }
    }

    private final class SimNode {
        final Sim sim;
        final String name;
        final KeyPair key;
        final InMemoryLedgerStore store = new InMemoryLedgerStore();
        final MemoryStateStore scpState = new MemoryStateStore();
        LedgerNode node;
        Herder herder;
        boolean up;
        int generation;

        SimNode(Sim sim, String name, KeyPair key) {
            this.sim = sim;
            this.name = name;
            this.key = key;
        }

        void start() {
            up = true;
            generation++;
            Clock clock = new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return Instant.ofEpochMilli(sim.now);
                }
            };
            node = new LedgerNode(PROFILE, store, clock, 1_000);
            node.start();
            PeerNetwork net = new PeerNetwork() {
                @Override
                public void broadcast(MessageKind kind, byte[] payload) {
                    sim.deliver(SimNode.this, null, kind, payload);
                }

                @Override
                public void relay(String fromPeer, MessageKind kind, byte[] payload) {
                    // Full mesh: every validator already got it from its origin.
                }

                @Override
                public boolean send(String peer, MessageKind kind, byte[] payload) {
                    sim.deliver(SimNode.this, peer, kind, payload);
                    return true;
                }
            };
            node.addAdmissionListener(env -> net.broadcast(MessageKind.TRANSACTION, bytes(env)));
            HerderExecutor exec = new HerderExecutor() {
                @Override
                public long nowMs() {
                    return sim.now;
                }

                @Override
                public void execute(Runnable task) {
                    sim.schedule(SimNode.this, 0, task);
                }

                @Override
                public Cancellable schedule(long delayMs, Runnable task) {
                    boolean[] cancelled = {false};
                    sim.schedule(SimNode.this, delayMs, () -> {
                        if (!cancelled[0]) {
                            task.run();
                        }
                    });
                    return () -> cancelled[0] = true;
                }
            };
            herder = new Herder(new HerderConfig(new Hash(PROFILE.networkId()), NodeKey.fromSecretSeed(key.getSecretSeed()), sim.quorumSet, CLOSE_MS),
                    new LedgerNodePort(node), net, exec, scpState);
            herder.start();
        }

        void stop() {
            up = false;
            generation++;
        }

        void restart() {
            start();
            sim.connectAll();
        }
    }

    private static final class MemoryStateStore implements ScpStateStore {
        private List<SCPEnvelope> saved = List.of();

        @Override
        public void save(List<SCPEnvelope> envelopes) {
            saved = List.copyOf(envelopes);
        }

        @Override
        public List<SCPEnvelope> load() {
            return saved;
        }
    }

    private static long seq(LedgerNode node, KeyPair key) {
        return Accounts.seqNum(node.load(LedgerFixture.accountKey(key)).orElseThrow().getData().getAccount());
    }

    private static TransactionEnvelope envelope(Transaction tx) {
        return tx.toEnvelopeXdr();
    }

    private static byte[] bytes(TransactionEnvelope envelope) {
        try {
            return envelope.toXdrByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] headerBytes(LedgerNode node, long seq) {
        LedgerHeader header = node.header((int) seq).orElseThrow();
        try {
            return header.toXdrByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
