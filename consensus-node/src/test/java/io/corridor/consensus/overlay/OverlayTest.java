package io.corridor.consensus.overlay;

import static io.corridor.consensus.overlay.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Overlays talking over real TCP on 127.0.0.1: connections, flooding, refusals, reconnects. */
class OverlayTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<TestNode> nodes = new ArrayList<>();
    private LogCapture log;

    @BeforeEach
    void captureLogs() {
        log = new LogCapture();
    }

    @AfterEach
    void closeAllAndCheckThreads() {
        nodes.forEach(TestNode::close);
        log.close();
        assertThat(OverlayThreads.alive()).as("overlay threads after close").isEmpty();
    }

    private TestNode node(TestNode node) {
        nodes.add(node);
        return node;
    }

    @Test
    void two_nodes_that_dial_each_other_keep_exactly_one_connection() throws Exception {
        TestNode a = node(TestNode.start(List.of()));
        TestNode b = node(TestNode.start(List.of()));
        a.overlay.addPeer(b.address());
        b.overlay.addPeer(a.address());

        await(WAIT, "one authenticated connection each way", () -> a.overlay.isConnected(b.id())
                && b.overlay.isConnected(a.id()) && a.overlay.peers().size() == 1 && b.overlay.peers().size() == 1);
        Thread.sleep(600);

        List<PeerStatus> aPeers = a.overlay.peers();
        List<PeerStatus> bPeers = b.overlay.peers();
        assertThat(aPeers).hasSize(1);
        assertThat(bPeers).hasSize(1);
        assertThat(aPeers.get(0).state()).isEqualTo(PeerStatus.State.AUTHENTICATED);
        assertThat(aPeers.get(0).key()).isEqualTo(b.id());
        boolean aIsSmaller = Arrays.compareUnsigned(a.key.publicKey(), b.key.publicKey()) < 0;
        PeerStatus.Direction expected = aIsSmaller ? PeerStatus.Direction.OUTBOUND : PeerStatus.Direction.INBOUND;
        assertThat(aPeers.get(0).direction()).as("the connection dialled by the smaller key").isEqualTo(expected);
        assertThat(bPeers.get(0).direction()).isNotEqualTo(expected);
        int connectsBefore = a.connects.get() + b.connects.get();
        Thread.sleep(500);
        assertThat(a.connects.get() + b.connects.get()).isEqualTo(connectsBefore);
    }

    @Test
    void messages_flow_both_ways() throws Exception {
        TestNode b = node(TestNode.start(List.of()));
        TestNode a = node(TestNode.start(List.of(b.address())));
        await(WAIT, "connected", () -> a.overlay.isConnected(b.id()) && b.overlay.isConnected(a.id()));

        byte[] request = bytes("tx set please");
        byte[] response = bytes("a tx set");
        assertThat(a.overlay.send(b.id(), MessageKind.GET_TX_SET, request)).isTrue();
        await(WAIT, "request at b", () -> b.received(MessageKind.GET_TX_SET, request) == 1);
        assertThat(b.overlay.send(a.id(), MessageKind.TX_SET, response)).isTrue();
        await(WAIT, "response at a", () -> a.received(MessageKind.TX_SET, response) == 1);
        b.overlay.broadcast(MessageKind.SCP_MESSAGE, bytes("envelope"));
        await(WAIT, "flood at a", () -> a.received(MessageKind.SCP_MESSAGE, bytes("envelope")) == 1);

        assertThat(a.received.get(0).from()).isEqualTo(b.id());
        assertThat(a.overlay.send("GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF", MessageKind.TX_SET,
                response)).isFalse();
        PeerStatus status = a.overlay.peers().get(0);
        assertThat(status.messagesOut()).isEqualTo(1);
        assertThat(status.messagesIn()).isEqualTo(2);
        assertThat(status.bytesIn()).isGreaterThan(0);
        assertThat(status.connectedSince()).isNotNull();
    }

    @Test
    void a_flood_crosses_a_line_of_three_exactly_once_and_duplicates_are_not_redelivered() throws Exception {
        TestNode b = node(TestNode.start(List.of()));
        TestNode a = node(TestNode.start(List.of(b.address())));
        TestNode c = node(TestNode.start(List.of(b.address())));
        await(WAIT, "line a-b-c", () -> b.overlay.isConnected(a.id()) && b.overlay.isConnected(c.id())
                && a.overlay.isConnected(b.id()) && c.overlay.isConnected(b.id()));

        byte[] tx = bytes("tx 1");
        a.overlay.broadcast(MessageKind.TRANSACTION, tx);
        await(WAIT, "tx at c", () -> c.received(MessageKind.TRANSACTION, tx) == 1);
        a.overlay.broadcast(MessageKind.TRANSACTION, tx);
        c.overlay.broadcast(MessageKind.TRANSACTION, tx);
        byte[] marker = bytes("marker");
        a.overlay.broadcast(MessageKind.SCP_MESSAGE, marker);
        await(WAIT, "marker at c", () -> c.received(MessageKind.SCP_MESSAGE, marker) == 1);
        Thread.sleep(200);

        assertThat(b.received(MessageKind.TRANSACTION, tx)).isEqualTo(1);
        assertThat(c.received(MessageKind.TRANSACTION, tx)).isEqualTo(1);
        assertThat(a.received(MessageKind.TRANSACTION, tx)).as("never echoed back to its origin").isZero();
        assertThat(c.received.get(0).from()).isEqualTo(b.id());
    }

    @Test
    void a_peer_on_another_network_is_refused_with_the_reason() throws Exception {
        TestNode b = node(TestNode.start(TestNode.config(TestNode.newKey(), "Some other network", List.of(),
                Set.of())));
        TestNode a = node(TestNode.start(List.of(b.address())));

        await(WAIT, "a backing off with the reason", () -> a.overlay.peers().stream().anyMatch(p ->
                p.state() == PeerStatus.State.BACKOFF && p.lastError() != null
                        && p.lastError().contains("peer is on another network")));
        assertThat(a.overlay.isConnected(b.id())).isFalse();
        assertThat(b.overlay.isConnected(a.id())).isFalse();
        assertThat(log.has("peer is on another network", a.id())).as(log.lines().toString()).isTrue();
    }

    @Test
    void a_key_outside_allowed_peers_is_refused() throws Exception {
        NodeKey stranger = TestNode.newKey();
        TestNode b = node(TestNode.start(TestNode.config(TestNode.newKey(), TestNode.PASSPHRASE, List.of(),
                Set.of(TestNode.newKey().accountId()))));
        TestNode a = node(TestNode.start(TestNode.config(stranger, TestNode.PASSPHRASE, List.of(b.address()),
                Set.of())));

        await(WAIT, "a refused", () -> a.overlay.peers().stream().anyMatch(p -> p.lastError() != null
                && p.lastError().contains(DisconnectReason.NOT_ALLOWED.text())));
        assertThat(b.overlay.isConnected(a.id())).isFalse();
        assertThat(log.has(DisconnectReason.NOT_ALLOWED.text(), stranger.accountId())).isTrue();
    }

    @Test
    void an_allowed_key_is_accepted() throws Exception {
        NodeKey friend = TestNode.newKey();
        TestNode b = node(TestNode.start(TestNode.config(TestNode.newKey(), TestNode.PASSPHRASE, List.of(),
                Set.of(friend.accountId()))));
        TestNode a = node(TestNode.start(TestNode.config(friend, TestNode.PASSPHRASE, List.of(b.address()),
                Set.of())));

        await(WAIT, "connected", () -> b.overlay.isConnected(a.id()));
    }

    @Test
    void a_peer_killed_and_restarted_on_the_same_port_is_redialled() throws Exception {
        TestNode b = TestNode.start(List.of());
        int port = b.overlay.listeningPort();
        TestNode a = node(TestNode.start(List.of(b.address())));
        await(WAIT, "first connection", () -> a.overlay.isConnected(b.id()));

        b.close();
        await(WAIT, "a notices the loss", () -> !a.overlay.isConnected(b.id()));
        assertThat(a.disconnects.get()).isEqualTo(1);
        TestNode restarted = node(TestNode.start(b.config.withListenPort(port)));

        await(WAIT, "reconnected", () -> a.overlay.isConnected(restarted.id()));
        assertThat(a.connects.get()).isEqualTo(2);
        a.overlay.broadcast(MessageKind.SCP_MESSAGE, bytes("after restart"));
        await(WAIT, "delivered", () -> restarted.received(MessageKind.SCP_MESSAGE, bytes("after restart")) == 1);
    }

    @Test
    void a_node_configured_with_its_own_address_stops_dialling_it() throws Exception {
        TestNode a = node(TestNode.start(List.of()));
        a.overlay.addPeer(a.address());

        await(WAIT, "self detected", () -> log.has(DisconnectReason.SELF.text()));
        Thread.sleep(300);
        assertThat(a.overlay.peers()).isEmpty();
        assertThat(OverlayThreads.alive()).noneMatch(name -> name.contains("-dial-"));
    }

    @Test
    void close_is_idempotent_and_disconnects_peers() throws Exception {
        TestNode b = node(TestNode.start(List.of()));
        TestNode a = TestNode.start(List.of(b.address()));
        await(WAIT, "connected", () -> b.overlay.isConnected(a.id()));

        String prefix = "corridor-overlay-" + a.overlay.listeningPort() + "-";
        a.close();
        a.close();

        assertThat(OverlayThreads.alive()).noneMatch(name -> name.startsWith(prefix));
        await(WAIT, "b notices", () -> !b.overlay.isConnected(a.id()));
        assertThat(b.disconnects.get()).isEqualTo(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
