package io.corridor.web.interfaces.rest;

import io.corridor.consensus.herder.HerderStatus;
import io.corridor.consensus.overlay.PeerStatus;
import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.infrastructure.consensus.ConsensusNode;
import io.corridor.ledger.infrastructure.consensus.ConsensusSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * {@code GET /consensus}: what this validator is doing (as stellar-core's {@code /info} and {@code /scp}): the
 * slot being agreed on and its phase, the quorum set with what was heard from each validator and whether a
 * quorum is reachable, and the overlay's peers. A standalone node (a network of one) says so.
 * {@code corridor status} prints this for every node.
 */
@RequestScoped
@Path("/consensus")
public class ConsensusResource {

    @Inject
    NodeAccess access;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String consensus() {
        LedgerNode node = access.node();
        ConsensusSettings settings = access.bean().consensusSettings();
        Optional<ConsensusNode.Status> status = access.bean().consensusStatus();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("node", access.bean().nodePublicKey())
                .add("ledger", node.sequence());
        if (status.isEmpty()) {
            return json.add("mode", "standalone")
                    .add("slot", node.sequence() + 1)
                    .add("phase", "standalone")
                    .add("quorum", Json.createObjectBuilder()
                            .add("threshold", 1)
                            .add("validators", Json.createArrayBuilder())
                            .add("healthy", true)
                            .add("missing", Json.createArrayBuilder()))
                    .add("peers", Json.createArrayBuilder())
                    .build().toString();
        }
        HerderStatus h = status.get().herder();
        JsonArrayBuilder validators = Json.createArrayBuilder();
        for (HerderStatus.Validator v : h.quorum().validators()) {
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("id", v.id())
                    .add("self", v.self())
                    .add("last_slot", v.lastSlot())
                    .add("last_heard", v.lastHeardMs() == 0 ? "" : java.time.Instant.ofEpochMilli(v.lastHeardMs()).toString());
            if (v.statement() != null) {
                item.add("statement", v.statement());
            }
            validators.add(item);
        }
        JsonArrayBuilder missing = Json.createArrayBuilder();
        h.quorum().missing().forEach(missing::add);
        JsonArrayBuilder peers = Json.createArrayBuilder();
        for (PeerStatus p : status.get().peers()) {
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("id", p.key() == null ? "" : p.key())
                    .add("address", p.remoteAddress() == null ? "" : p.remoteAddress().getHostString() + ":"
                            + p.remoteAddress().getPort())
                    .add("direction", p.direction().name().toLowerCase(java.util.Locale.ROOT))
                    .add("state", p.state().name().toLowerCase(java.util.Locale.ROOT))
                    .add("connected_since", p.connectedSince() == null ? "" : p.connectedSince().toString())
                    .add("messages_in", p.messagesIn())
                    .add("messages_out", p.messagesOut())
                    .add("queued_messages", p.queuedMessages())
                    .add("dropped_messages", p.droppedMessages());
            if (p.lastError() != null) {
                item.add("last_error", p.lastError());
            }
            peers.add(item);
        }
        json.add("mode", h.mode())
                .add("ledger_hash", h.ledgerHash())
                .add("slot", h.slot())
                .add("phase", h.phase())
                .add("ballot_counter", h.ballotCounter())
                .add("quorum", Json.createObjectBuilder()
                        .add("threshold", h.quorum().threshold())
                        .add("validators", validators)
                        .add("healthy", h.quorum().healthy())
                        .add("missing", missing))
                .add("peer_port", settings.peerPort())
                .add("peers", peers)
                .add("catch_up_target", h.catchUpTarget())
                .add("ledgers_caught_up", h.ledgersCaughtUp())
                .add("waiting_envelopes", h.waitingEnvelopes());
        if (h.lastExternalizedMs() > 0) {
            json.add("last_externalized", java.time.Instant.ofEpochMilli(h.lastExternalizedMs()).toString());
        }
        if (h.haltReason() != null) {
            json.add("halt_reason", h.haltReason());
        }
        return json.build().toString();
    }
}
