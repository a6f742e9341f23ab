package io.corridor.consensus.sim;

import java.util.List;
import java.util.SortedSet;

/**
 * The outcome of one run.
 *
 * @param topology          topology name
 * @param seed              the seed that reproduces the run
 * @param plan              the faults drawn from the seed
 * @param intact            nodes the checker held to safety and liveness (indices)
 * @param failures          what went wrong, empty when the run passed
 * @param doneAtMs          virtual time when every intact node had externalized every slot, or -1
 * @param faultEndMs        end of the fault phase
 * @param messagesSent      messages sent (honest and Byzantine, before loss)
 * @param messagesDelivered messages delivered
 * @param events            events processed
 * @param traffic           what receivers did with the messages
 */
public record RunResult(String topology, long seed, FaultPlan plan, SortedSet<Integer> intact, List<Failure> failures,
        long doneAtMs, long faultEndMs, long messagesSent, long messagesDelivered, long events, Traffic traffic) {

    public RunResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public boolean hasFailure(Failure.Kind kind) {
        return failures.stream().anyMatch(f -> f.kind() == kind);
    }

    /** Safety in the broad sense: disagreement or an honest node contradicting itself. */
    public boolean safetyViolated() {
        return hasFailure(Failure.Kind.SAFETY) || hasFailure(Failure.Kind.STATEMENT_ORDER);
    }

    /** Virtual time from the end of the fault phase until every intact node externalized every slot (0 if before). */
    public long recoveryMs() {
        return doneAtMs < 0 ? -1 : Math.max(0, doneAtMs - faultEndMs);
    }

    /** Command-line arguments of {@link SimulationCli} that replay this run. */
    public String replayArguments() {
        return "--topology " + topology + " --seed " + seed;
    }
}
