package io.corridor.consensus.herder;

import static io.corridor.consensus.herder.HerderTestKit.CLOSE_MS;
import static io.corridor.consensus.herder.HerderTestKit.START_MS;
import static io.corridor.consensus.herder.HerderTestKit.ballot;
import static io.corridor.consensus.herder.HerderTestKit.ballotOf;
import static io.corridor.consensus.herder.HerderTestKit.bytes;
import static io.corridor.consensus.herder.HerderTestKit.config;
import static io.corridor.consensus.herder.HerderTestKit.confirm;
import static io.corridor.consensus.herder.HerderTestKit.counter;
import static io.corridor.consensus.herder.HerderTestKit.decodeEnvelope;
import static io.corridor.consensus.herder.HerderTestKit.decodeValue;
import static io.corridor.consensus.herder.HerderTestKit.externalize;
import static io.corridor.consensus.herder.HerderTestKit.headerBytes;
import static io.corridor.consensus.herder.HerderTestKit.keys;
import static io.corridor.consensus.herder.HerderTestKit.nominate;
import static io.corridor.consensus.herder.HerderTestKit.prepare;
import static io.corridor.consensus.herder.HerderTestKit.qSet;
import static io.corridor.consensus.herder.HerderTestKit.slotOf;
import static io.corridor.consensus.herder.HerderTestKit.transaction;
import static io.corridor.consensus.herder.HerderTestKit.txSet;
import static io.corridor.consensus.herder.HerderTestKit.typeOf;
import static io.corridor.consensus.herder.HerderTestKit.value;
import static io.corridor.consensus.herder.HerderTestKit.valueWithUpgrade;
import static io.corridor.consensus.herder.HerderTestKit.valuesOf;
import static io.corridor.consensus.herder.HerderTestKit.verifies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.corridor.consensus.herder.HerderTestKit.FakeLedger;
import io.corridor.consensus.herder.HerderTestKit.MemoryStateStore;
import io.corridor.consensus.herder.HerderTestKit.RecordingNetwork;
import io.corridor.consensus.herder.HerderTestKit.Route;
import io.corridor.consensus.herder.HerderTestKit.Sent;
import io.corridor.consensus.herder.HerderTestKit.VirtualExecutor;
import io.corridor.consensus.herder.HerderTestKit.VirtualTime;
import io.corridor.consensus.overlay.MessageKind;
import io.corridor.consensus.overlay.NodeKey;
import io.corridor.consensus.scp.QuorumSets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stellar.sdk.xdr.SCPBallot;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.SCPStatementType;
import org.stellar.sdk.xdr.StellarValue;
import org.stellar.sdk.xdr.TransactionSet;
import org.stellar.sdk.xdr.Value;

/**
 * One herder (validator A of a 3-of-4 network) against fake validators B, C, D whose envelopes the test signs,
 * on a virtual clock, with a recording network and an in-memory ledger, in the manner of stellar-core's
 * HerderTests.
 */
class HerderTest {
    private static final List<NodeKey> KEYS = keys(4);
    private static final NodeKey A = KEYS.get(0);
    private static final NodeKey B = KEYS.get(1);
    private static final NodeKey C = KEYS.get(2);
    private static final NodeKey D = KEYS.get(3);
    /** As the node announces it: normalised (validators sorted), so its hash is the one statements carry. */
    private static final SCPQuorumSet QSET = QuorumSets.normalize(qSet(3, KEYS));

    private final VirtualTime time = new VirtualTime();
    private final FakeLedger ledger = new FakeLedger();
    private final MemoryStateStore store = new MemoryStateStore();
    private VirtualExecutor exec;
    private RecordingNetwork net;
    private Herder herder;

    private Herder newHerder() {
        exec = new VirtualExecutor(time);
        net = new RecordingNetwork(time);
        herder = new Herder(config(A, QSET), ledger, net, exec, store);
        return herder;
    }

    private void startHerder() {
        newHerder().start();
        time.run(0);
    }

    private void deliver(NodeKey from, MessageKind kind, byte[] payload) {
        herder.onMessage(from.accountId(), kind, payload);
        time.run(0);
    }

    private void deliver(NodeKey from, SCPEnvelope envelope) {
        deliver(from, MessageKind.SCP_MESSAGE, bytes(envelope));
    }

    /** A transaction set for slot 2 (built on ledger 1) that the herder has been sent. */
    private TransactionSet knownSet(NodeKey from, int txs) {
        List<org.stellar.sdk.xdr.TransactionEnvelope> list = new ArrayList<>();
        for (int i = 0; i < txs; i++) {
            list.add(transaction("payer-" + i, 1 + i));
        }
        TransactionSet set = txSet(ledger.lastHash(), list);
        deliver(from, MessageKind.TX_SET, Wire.write(set::encode));
        return set;
    }

    private byte[] hashOf(TransactionSet set) {
        return ledger.transactionSetHash(set);
    }

    private long validCloseTime() {
        return START_MS / 1000;
    }

    private List<Sent> relays() {
        return net.of(Route.RELAY, MessageKind.SCP_MESSAGE);
    }

    private HerderStatus.Validator heard(NodeKey key) {
        return herder.status().quorum().validators().stream().filter(v -> v.id().equals(key.accountId()))
                .findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------------------------------ trigger

    @Test
    void afterTheCloseIntervalItSendsItsTransactionSetThenNominatesItForTheNextSlot() {
        org.stellar.sdk.xdr.TransactionEnvelope tx = transaction("queued", 2);
        assertThat(ledger.receiveTransaction(tx)).isTrue();
        startHerder();
        assertThat(net.sent).as("nothing before the close interval").isEmpty();
        assertThat(herder.status().phase()).isEqualTo("waiting");

        boolean nominated = time.runUntil(() -> !net.of(Route.BROADCAST, MessageKind.SCP_MESSAGE).isEmpty(), 60_000);

        assertThat(nominated).as("the herder nominated within a minute (leader rounds)").isTrue();
        List<Sent> txSets = net.of(Route.BROADCAST, MessageKind.TX_SET);
        assertThat(txSets).hasSize(1);
        Sent first = net.sent.get(0);
        assertThat(first.kind()).as("the set goes out before any nomination").isEqualTo(MessageKind.TX_SET);
        assertThat(first.atMs()).isEqualTo(START_MS + CLOSE_MS);
        TransactionSet set = read(first.payload(), TransactionSet::decode);
        assertThat(set.getPreviousLedgerHash().getHash()).isEqualTo(ledger.lastHash());
        assertThat(set.getTxs()).containsExactly(tx);

        SCPEnvelope nomination = decodeEnvelope(net.of(Route.BROADCAST, MessageKind.SCP_MESSAGE).get(0).payload());
        assertThat(typeOf(nomination)).isEqualTo(SCPStatementType.SCP_ST_NOMINATE);
        assertThat(slotOf(nomination)).isEqualTo(ledger.sequence() + 1);
        assertThat(Herder.key(nomination.getStatement().getNodeID())).isEqualTo(A.accountId());
        assertThat(verifies(nomination)).as("signed with A's key over the network id").isTrue();
        assertThat(nomination.getStatement().getPledges().getNominate().getQuorumSetHash())
                .isEqualTo(QuorumSets.hash(QSET));
        Value[] votes = nomination.getStatement().getPledges().getNominate().getVotes();
        assertThat(votes).hasSize(1);
        StellarValue sv = decodeValue(votes[0]);
        assertThat(sv.getTxSetHash().getHash()).isEqualTo(hashOf(set));
        assertThat(StellarValues.closeTime(sv)).isGreaterThan(ledger.lastCloseTime())
                .isEqualTo(first.atMs() / 1000);
        assertThat(sv.getUpgrades()).isEmpty();
        assertThat(herder.status().phase()).isEqualTo("nominating");
        assertThat(herder.status().slot()).isEqualTo(2);
    }

    // ------------------------------------------------------------------------------------------ envelopes

    @Test
    void anEnvelopeWithABadSignatureIsDroppedWhileTheSameOneSignedIsRelayed() {
        startHerder();
        TransactionSet set = knownSet(B, 1);
        SCPEnvelope good = nominate(B, QSET, 2, List.of(value(hashOf(set), validCloseTime())), List.of());
        SCPEnvelope forged = decodeEnvelope(bytes(good));
        forged.getSignature().getSignature()[5] ^= 1;
        SCPEnvelope impostor = nominate(C, QSET, 2, List.of(value(hashOf(set), validCloseTime())), List.of());
        impostor.getStatement().setNodeID(good.getStatement().getNodeID()); // C's signature on a statement by B

        deliver(B, forged);
        deliver(C, impostor);

        assertThat(relays()).isEmpty();
        assertThat(heard(B).lastSlot()).isZero();
        assertThat(heard(B).statement()).isNull();
        assertThat(herder.status().waitingEnvelopes()).isZero();

        deliver(B, good);

        assertThat(relays()).singleElement().satisfies(s -> {
            assertThat(s.peer()).isEqualTo(B.accountId());
            assertThat(s.payload()).isEqualTo(bytes(good));
        });
        assertThat(heard(B).lastSlot()).isEqualTo(2);
        assertThat(heard(B).statement()).isEqualTo("nominate");
    }

    @Test
    void envelopesForClosedSlotsAndItsOwnEchoesAreIgnored() {
        ledger.closeEmpty(3);
        startHerder();
        TransactionSet old = txSet(ledger.headers.get(1).getPreviousLedgerHash().getHash(), List.of());
        SCPEnvelope closed = nominate(B, QSET, 3, List.of(value(hashOf(old), validCloseTime())), List.of());
        SCPEnvelope echo = nominate(A, QSET, 5, List.of(value(new byte[32], validCloseTime())), List.of());

        deliver(B, closed);
        deliver(C, echo);

        assertThat(net.sent).isEmpty();
        assertThat(heard(B).lastSlot()).isZero();
    }

    @Test
    void garbageOnEveryMessageKindIsDroppedAndTheHerderKeepsWorking() throws IOException {
        startHerder();
        TransactionSet set = knownSet(B, 1);
        byte[] validEnvelope = bytes(nominate(B, QSET, 2, List.of(value(hashOf(set), validCloseTime())), List.of()));
        ledger.closeEmpty(2);
        byte[] validLedgers = Wire.ledgers(List.of(new Wire.ShippedLedger(ledger.header(2).orElseThrow(),
                ledger.transactionSet(2).orElseThrow())));
        java.util.Map<MessageKind, byte[]> valid = new java.util.EnumMap<>(MessageKind.class);
        valid.put(MessageKind.TRANSACTION, Wire.write(transaction("t", 1)::encode));
        valid.put(MessageKind.SCP_MESSAGE, validEnvelope);
        valid.put(MessageKind.TX_SET, Wire.write(set::encode));
        valid.put(MessageKind.QUORUM_SET, Wire.write(QSET::encode));
        valid.put(MessageKind.GET_LEDGERS, Wire.ledgerRange(2, 3));
        valid.put(MessageKind.LEDGERS, validLedgers);
        valid.put(MessageKind.GET_SCP_STATE, Wire.slot(2));

        for (MessageKind kind : MessageKind.values()) {
            for (byte[] payload : decodeFailures(valid.get(kind))) {
                assertThatCode(() -> deliver(C, kind, payload)).as(kind + " " + HexFormat.of().formatHex(payload))
                        .doesNotThrowAnyException();
            }
        }
        assertThat(relays()).as("nothing relayed").isEmpty();
        assertThat(net.of(MessageKind.TRANSACTION)).isEmpty();
        assertThat(heard(B).lastSlot()).isZero();
        assertThat(herder.status().ledger()).isEqualTo(1);

        // Still working: a well-formed envelope is processed, and the herder nominates.
        deliver(B, MessageKind.SCP_MESSAGE, validEnvelope);
        assertThat(relays()).hasSize(1);
        assertThat(time.runUntil(() -> !net.of(Route.BROADCAST, MessageKind.SCP_MESSAGE).isEmpty(), 60_000)).isTrue();
        assertThat(herder.status().haltReason()).isNull();
    }

    /**
     * Malformed XDR that the SDK rejects with a RuntimeException rather than an IOException: an unknown enum
     * value ("Unknown enum value: -1") or a negative array length (NegativeArraySizeException).
     */
    @Test
    void garbageWithUnknownEnumValuesOrNegativeLengthsIsDroppedToo() {
        startHerder();
        List<byte[]> garbage = List.of(filled(64, (byte) 0xFF), repeatedInt(7, 16), repeatedInt(-2, 30));
        for (MessageKind kind : MessageKind.values()) {
            for (byte[] payload : garbage) {
                assertThatCode(() -> deliver(C, kind, payload)).as(kind + " " + HexFormat.of().formatHex(payload))
                        .doesNotThrowAnyException();
            }
        }
        assertThat(relays()).isEmpty();
    }

    @Test
    void anEnvelopeWhoseTransactionSetIsUnknownIsParkedAskedFromItsSenderAndProcessedWhenTheSetArrives() {
        startHerder();
        TransactionSet set = txSet(ledger.lastHash(), List.of(transaction("unknown", 3)));
        SCPEnvelope envelope = nominate(B, QSET, 2, List.of(value(hashOf(set), validCloseTime())), List.of());

        deliver(B, envelope);

        assertThat(relays()).as("not relayed before it is processed").isEmpty();
        assertThat(net.of(Route.SEND, MessageKind.GET_TX_SET)).singleElement().satisfies(s -> {
            assertThat(s.peer()).isEqualTo(B.accountId());
            assertThat(s.payload()).isEqualTo(hashOf(set));
        });
        assertThat(herder.status().waitingEnvelopes()).isEqualTo(1);

        deliver(C, MessageKind.TX_SET, Wire.write(set::encode));

        assertThat(herder.status().waitingEnvelopes()).isZero();
        assertThat(relays()).singleElement().satisfies(s -> {
            assertThat(s.peer()).as("relayed on behalf of its sender").isEqualTo(B.accountId());
            assertThat(s.payload()).isEqualTo(bytes(envelope));
        });
        // It now serves the set it fetched.
        net.clear();
        deliver(D, MessageKind.GET_TX_SET, hashOf(set));
        assertThat(net.of(Route.SEND, MessageKind.TX_SET)).singleElement()
                .satisfies(s -> assertThat(s.payload()).isEqualTo(Wire.write(set::encode)));
    }

    @Test
    void anEnvelopeWithAnUnknownQuorumSetIsParkedUntilTheQuorumSetArrives() {
        startHerder();
        TransactionSet set = knownSet(B, 0);
        SCPQuorumSet bSet = qSet(2, List.of(B, C, D));
        SCPEnvelope envelope = nominate(B, bSet, 2, List.of(value(hashOf(set), validCloseTime())), List.of());

        deliver(B, envelope);

        assertThat(relays()).isEmpty();
        assertThat(net.of(Route.SEND, MessageKind.GET_QUORUM_SET)).singleElement().satisfies(s -> {
            assertThat(s.peer()).isEqualTo(B.accountId());
            assertThat(s.payload()).isEqualTo(QuorumSets.hash(bSet).getHash());
        });

        deliver(B, MessageKind.QUORUM_SET, Wire.write(bSet::encode));

        assertThat(relays()).hasSize(1);
        assertThat(herder.status().waitingEnvelopes()).isZero();
    }

    // ------------------------------------------------------------------------------------------ serving data

    @Test
    void getTxSetAndGetQuorumSetAnswerTheDataOrDontHave() {
        startHerder();
        TransactionSet set = knownSet(B, 2);
        byte[] unknown = Herder.sha256("nothing".getBytes());
        net.clear();

        deliver(C, MessageKind.GET_TX_SET, unknown);
        deliver(C, MessageKind.GET_QUORUM_SET, unknown);
        deliver(C, MessageKind.GET_TX_SET, hashOf(set));
        deliver(C, MessageKind.GET_QUORUM_SET, QuorumSets.hash(QSET).getHash());

        assertThat(net.sent).hasSize(4).allSatisfy(s -> {
            assertThat(s.route()).isEqualTo(Route.SEND);
            assertThat(s.peer()).isEqualTo(C.accountId());
        });
        assertThat(net.sent.get(0).kind()).isEqualTo(MessageKind.DONT_HAVE);
        assertThat(net.sent.get(0).payload()).isEqualTo(concat((byte) MessageKind.GET_TX_SET.code(), unknown));
        assertThat(net.sent.get(1).kind()).isEqualTo(MessageKind.DONT_HAVE);
        assertThat(net.sent.get(1).payload()).isEqualTo(concat((byte) MessageKind.GET_QUORUM_SET.code(), unknown));
        assertThat(net.sent.get(2).kind()).isEqualTo(MessageKind.TX_SET);
        assertThat(net.sent.get(2).payload()).isEqualTo(Wire.write(set::encode));
        assertThat(net.sent.get(3).kind()).isEqualTo(MessageKind.QUORUM_SET);
        assertThat(net.sent.get(3).payload()).isEqualTo(Wire.write(QSET::encode));
    }

    @Test
    void getLedgersServesAtMost32LedgersFromTheLedger() throws IOException {
        ledger.closeEmpty(39);
        assertThat(ledger.sequence()).isEqualTo(40);
        startHerder();

        deliver(B, MessageKind.GET_LEDGERS, Wire.ledgerRange(2, 40));
        deliver(B, MessageKind.GET_LEDGERS, Wire.ledgerRange(35, 100));
        deliver(B, MessageKind.GET_LEDGERS, Wire.ledgerRange(41, 50));
        deliver(B, MessageKind.GET_LEDGERS, Wire.ledgerRange(1, 1));

        List<Sent> answers = net.of(Route.SEND, MessageKind.LEDGERS);
        assertThat(answers).hasSize(4).allSatisfy(s -> assertThat(s.peer()).isEqualTo(B.accountId()));
        List<Wire.ShippedLedger> first = Wire.readLedgers(answers.get(0).payload());
        assertThat(first).hasSize(Wire.LEDGERS_PER_MESSAGE);
        for (int i = 0; i < first.size(); i++) {
            long seq = 2 + i;
            assertThat(headerBytes(first.get(i).header())).isEqualTo(headerBytes(ledger.header(seq).orElseThrow()));
            assertThat(Wire.write(first.get(i).transactionSet()::encode))
                    .isEqualTo(Wire.write(ledger.transactionSet(seq).orElseThrow()::encode));
        }
        List<Wire.ShippedLedger> tail = Wire.readLedgers(answers.get(1).payload());
        assertThat(tail).extracting(l -> l.header().getLedgerSeq().getUint32().getNumber())
                .containsExactly(35L, 36L, 37L, 38L, 39L, 40L);
        assertThat(Wire.readLedgers(answers.get(2).payload())).as("nothing beyond the last closed ledger").isEmpty();
        assertThat(Wire.readLedgers(answers.get(3).payload())).as("genesis is not shipped").isEmpty();
    }

    @Test
    void scpStateIsServedForTheAskedSlotOn() {
        startHerder();
        time.runUntil(() -> !net.of(Route.BROADCAST, MessageKind.SCP_MESSAGE).isEmpty(), 60_000);
        SCPEnvelope own = decodeEnvelope(net.of(Route.BROADCAST, MessageKind.SCP_MESSAGE).get(0).payload());
        net.clear();

        deliver(B, MessageKind.GET_SCP_STATE, Wire.slot(2));

        assertThat(net.of(Route.SEND, MessageKind.SCP_MESSAGE)).singleElement().satisfies(s -> {
            assertThat(s.peer()).isEqualTo(B.accountId());
            assertThat(s.payload()).isEqualTo(bytes(own));
        });
    }

    @Test
    void aTransactionFromAPeerIsAdmittedAndRelayedOnceGarbageIsNot() {
        startHerder();
        byte[] tx = Wire.write(transaction("flooded", 1)::encode);

        deliver(B, MessageKind.TRANSACTION, tx);
        deliver(C, MessageKind.TRANSACTION, tx);
        deliver(C, MessageKind.TRANSACTION, new byte[] {1, 2, 3});

        assertThat(net.of(Route.RELAY, MessageKind.TRANSACTION)).singleElement()
                .satisfies(s -> assertThat(s.peer()).isEqualTo(B.accountId()));
        assertThat(ledger.queued).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------ value validity

    enum Candidate {
        VALID, WITH_UPGRADES, CLOSE_TIME_OF_LAST_LEDGER, CLOSE_TIME_BEFORE_LAST_LEDGER, SET_OF_ANOTHER_LEDGER,
        INVALID_TRANSACTION
    }

    private Value candidate(Candidate kind) {
        TransactionSet set = knownSet(B, 1);
        long last = ledger.lastCloseTime();
        return switch (kind) {
            case VALID -> value(hashOf(set), validCloseTime());
            case WITH_UPGRADES -> valueWithUpgrade(hashOf(set), validCloseTime());
            case CLOSE_TIME_OF_LAST_LEDGER -> value(hashOf(set), last);
            case CLOSE_TIME_BEFORE_LAST_LEDGER -> value(hashOf(set), last - 30);
            case SET_OF_ANOTHER_LEDGER -> {
                TransactionSet other = txSet(Herder.sha256("another ledger".getBytes()), List.of());
                deliver(B, MessageKind.TX_SET, Wire.write(other::encode));
                yield value(hashOf(other), validCloseTime());
            }
            case INVALID_TRANSACTION -> {
                org.stellar.sdk.xdr.TransactionEnvelope bad = transaction("bad", 1);
                ledger.invalid = tx -> tx.equals(bad);
                TransactionSet withBad = txSet(ledger.lastHash(), List.of(bad));
                deliver(B, MessageKind.TX_SET, Wire.write(withBad::encode));
                yield value(hashOf(withBad), validCloseTime());
            }
        };
    }

    /** B, C and D (a quorum, and v-blocking for A) vote for, accept and prepare {@code v}; returns what A said. */
    private List<SCPEnvelope> othersPush(Value v) {
        for (NodeKey k : List.of(B, C, D)) {
            deliver(k, nominate(k, QSET, 2, List.of(v), List.of(v)));
        }
        for (NodeKey k : List.of(B, C, D)) {
            deliver(k, prepare(k, QSET, 2, ballot(1, v), null, 0, 0));
        }
        time.run(3_000);
        return net.ownEnvelopes();
    }

    @ParameterizedTest
    @EnumSource(Candidate.class)
    void theHerderVotesOnlyForValidValues(Candidate kind) {
        startHerder();
        Value v = candidate(kind);

        List<SCPEnvelope> own = othersPush(v);

        List<SCPEnvelope> mentioning = own.stream().filter(e -> valuesOf(e).contains(v)).toList();
        List<Sent> ballotRelays = relays().stream()
                .filter(s -> typeOf(decodeEnvelope(s.payload())) != SCPStatementType.SCP_ST_NOMINATE).toList();
        if (kind == Candidate.VALID) {
            assertThat(mentioning).as("A accepts the nominated value and prepares it")
                    .anySatisfy(e -> assertThat(e.getStatement().getPledges().getNominate() != null
                            && Arrays.asList(e.getStatement().getPledges().getNominate().getAccepted()).contains(v))
                            .isTrue())
                    .anySatisfy(e -> assertThat(typeOf(e)).isEqualTo(SCPStatementType.SCP_ST_PREPARE));
            assertThat(ballotRelays).hasSize(3);
        } else {
            assertThat(mentioning).as("A never votes for, accepts or prepares an invalid value").isEmpty();
            assertThat(ballotRelays).as("ballots on an invalid value are not relayed").isEmpty();
            assertThat(own).allSatisfy(e -> assertThat(typeOf(e)).isEqualTo(SCPStatementType.SCP_ST_NOMINATE));
        }
    }

    // ------------------------------------------------------------------------------------------ persistence

    @Test
    void theLatestEnvelopesArePersistedAndARestartedHerderResumesWithoutContradictingThem() {
        startHerder();
        TransactionSet set = knownSet(B, 1);
        Value v = value(hashOf(set), validCloseTime());
        othersPush(v);
        // B, C, D move to ballot 3, prepared: A confirms it prepared and follows.
        for (NodeKey k : List.of(B, C, D)) {
            deliver(k, prepare(k, QSET, 2, ballot(3, v), ballot(3, v), 0, 0));
        }
        time.run(100);
        List<SCPEnvelope> said = net.ownEnvelopes();
        SCPEnvelope lastBallot = said.stream().filter(e -> typeOf(e) != SCPStatementType.SCP_ST_NOMINATE)
                .reduce((a, b) -> b).orElseThrow();
        SCPEnvelope lastNomination = said.stream().filter(e -> typeOf(e) == SCPStatementType.SCP_ST_NOMINATE)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(counter(ballotOf(lastBallot))).isEqualTo(3);
        assertThat(store.saved).extracting(HerderTestKit::bytes)
                .containsExactlyInAnyOrder(bytes(lastNomination), bytes(lastBallot));

        // Crash: a new herder on the same ledger and state store, time moving on.
        exec.stop();
        time.run(5_000);
        newHerder().start();
        time.run(0);
        herder.onPeerConnected(B.accountId());
        time.run(0);

        List<SCPEnvelope> first = net.ownEnvelopes();
        assertThat(first).extracting(HerderTestKit::bytes)
                .as("the restarted herder first repeats what it said before the crash")
                .containsExactly(bytes(lastNomination), bytes(lastBallot));
        time.run(Herder.TICK_MS); // the status is refreshed by the next tick
        assertThat(herder.status().phase()).isEqualTo(lastBallot.getStatement().getPledges().getDiscriminant()
                == SCPStatementType.SCP_ST_CONFIRM ? "confirm" : "prepare");
        assertThat(herder.status().ballotCounter()).isEqualTo(3);

        // Timeouts and a v-blocking set on another value never move it below ballot 3 or off v.
        TransactionSet other = knownSet(C, 2);
        Value w = value(hashOf(other), validCloseTime() + 1);
        time.run(20_000);
        for (NodeKey k : List.of(C, D)) {
            deliver(k, prepare(k, QSET, 2, ballot(2, w), null, 0, 0));
        }
        time.run(5_000);
        List<SCPEnvelope> after = net.ownEnvelopes();
        for (SCPEnvelope e : after) {
            if (typeOf(e) == SCPStatementType.SCP_ST_NOMINATE) {
                assertThat(e.getStatement().getPledges().getNominate().getVotes())
                        .contains(lastNomination.getStatement().getPledges().getNominate().getVotes());
            } else {
                SCPBallot b = ballotOf(e);
                assertThat(counter(b)).as("ballot counter never goes down").isGreaterThanOrEqualTo(3);
                assertThat(b.getValue()).as("ballot stays on the value confirmed prepared").isEqualTo(v);
            }
        }
        assertThat(after).noneSatisfy(e -> assertThat(valuesOf(e)).contains(w));

        // The network externalizes v: the restarted herder fetches the set it forgot and closes ledger 2.
        net.clear();
        for (NodeKey k : List.of(B, C, D)) {
            deliver(k, externalize(k, QSET, 2, ballot(3, v), 3));
        }
        assertThat(net.of(Route.SEND, MessageKind.GET_TX_SET)).isNotEmpty();
        deliver(B, MessageKind.TX_SET, Wire.write(set::encode));
        time.run(100);
        assertThat(ledger.sequence()).isEqualTo(2);
        assertThat(ledger.last().getScpValue().getTxSetHash().getHash()).isEqualTo(hashOf(set));
        assertThat(StellarValues.closeTime(ledger.last().getScpValue())).isEqualTo(validCloseTime());
        assertThat(herder.status().ledger()).isEqualTo(2);
        assertThat(herder.status().mode()).isEqualTo("tracking");
    }

    @Test
    void externalizingFromAQuorumOfConfirmsAppliesTheAgreedValue() {
        startHerder();
        TransactionSet set = knownSet(B, 2);
        Value v = value(hashOf(set), validCloseTime());
        for (NodeKey k : List.of(B, C, D)) {
            deliver(k, confirm(k, QSET, 2, ballot(1, v), 1, 1, 1));
        }
        time.run(100);
        assertThat(ledger.sequence()).isEqualTo(2);
        assertThat(ledger.last().getScpValue().getTxSetHash().getHash()).isEqualTo(hashOf(set));
        assertThat(ledger.sets.get(1).getTxs()).hasSize(2);
        assertThat(net.ownEnvelopes()).anySatisfy(e -> assertThat(typeOf(e)).isEqualTo(SCPStatementType.SCP_ST_EXTERNALIZE));
        assertThat(herder.status().lastExternalizedMs()).isEqualTo(time.now - 100);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * Payloads the decoder of a kind must refuse with an IOException: empty, short junk, zeros, and a valid
     * payload of that kind truncated or with trailing bytes. (Valid payloads are not sent as other kinds: the
     * SDK would allocate arrays sized by whatever bytes land on a length field.)
     */
    private static List<byte[]> decodeFailures(byte[] valid) {
        Random random = new Random(7);
        byte[] three = new byte[3];
        random.nextBytes(three);
        List<byte[]> out = new ArrayList<>(List.of(new byte[0], three, filled(64, (byte) 0)));
        if (valid != null) {
            out.add(Arrays.copyOf(valid, valid.length - 1));
            out.add(Arrays.copyOf(valid, valid.length + 1));
            out.add(Arrays.copyOf(valid, valid.length + 4));
        }
        return out;
    }

    private static byte[] filled(int n, byte b) {
        byte[] out = new byte[n];
        Arrays.fill(out, b);
        return out;
    }

    private static byte[] repeatedInt(int v, int times) {
        return Wire.write(out -> {
            for (int i = 0; i < times; i++) {
                out.writeInt(v);
            }
        });
    }

    private static byte[] concat(byte b, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = b;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static <T> T read(byte[] payload, Wire.Reader<T> reader) {
        try {
            return Wire.read(payload, reader);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
