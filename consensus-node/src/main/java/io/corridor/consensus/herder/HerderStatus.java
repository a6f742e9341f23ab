package io.corridor.consensus.herder;

import java.util.List;

/**
 * What the herder is doing, for operators ({@code GET /consensus}, {@code corridor status}). An immutable
 * snapshot refreshed by the herder thread; read from any thread.
 *
 * @param mode              {@code tracking} (agreeing with the network), {@code catching_up} (fetching ledgers it
 *                          missed), {@code waiting} (no slot externalized since start) or {@code halted}
 * @param ledger            last closed ledger
 * @param ledgerHash        its hash, hex
 * @param slot              the slot being agreed on: ledger + 1
 * @param phase             of that slot: {@code waiting} (for the next trigger), {@code nominating},
 *                          {@code prepare}, {@code confirm}, {@code externalize}
 * @param ballotCounter     the slot's ballot counter (0 before the ballot protocol)
 * @param quorum            the node's quorum set and what it heard from each validator in it
 * @param catchUpTarget     the ledger catch-up is fetching up to, or 0
 * @param ledgersCaughtUp   ledgers applied through catch-up since start
 * @param lastExternalizedMs wall time of the last externalized slot (0 if none since start)
 * @param waitingEnvelopes  envelopes parked until their transaction set or quorum set arrives, plus those
 *                          buffered for future slots
 * @param haltReason        why the node stopped closing ledgers, or null
 */
public record HerderStatus(String mode, long ledger, String ledgerHash, long slot, String phase, long ballotCounter,
        Quorum quorum, long catchUpTarget, long ledgersCaughtUp, long lastExternalizedMs, int waitingEnvelopes,
        String haltReason) {

    /**
     * @param threshold  top-level threshold of the quorum set
     * @param validators every validator of the quorum set (nested ones included), with what was heard from each
     * @param healthy    whether the validators heard from recently (with this node) satisfy the quorum set
     * @param missing    validators not heard from recently
     */
    public record Quorum(long threshold, List<Validator> validators, boolean healthy, List<String> missing) {
    }

    /**
     * @param id        public key (G...)
     * @param self      whether it is this node
     * @param lastSlot  the highest slot it was heard on (0: never)
     * @param lastHeardMs wall time it was last heard from (0: never)
     * @param statement type of its latest statement on that slot ({@code nominate}, {@code prepare},
     *                  {@code confirm}, {@code externalize}), or null
     */
    public record Validator(String id, boolean self, long lastSlot, long lastHeardMs, String statement) {
    }
}
