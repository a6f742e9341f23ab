package io.corridor.consensus.fbas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Stellar quorum set: {@code threshold} of its members must agree, where a member is a validator or an
 * inner quorum set. The slices of a node with this quorum set are the minimal sets of validators that
 * satisfy it. As in Stellar, the node itself is not implicitly part of its slices; {@link #includingSelf}
 * builds the white paper's convention, where every slice contains its node.
 *
 * <p>The constructor only rejects what cannot be represented (negative thresholds, null members). The
 * sanity rules of stellar-core are checked by {@link #problems()}, because analysis input must be able to
 * describe insane quorum sets in order to report them.
 */
public record QuorumSet(long threshold, List<String> validators, List<QuorumSet> innerSets) {

    /** stellar-core's MAXIMUM_QUORUM_NESTING_LEVEL: the top-level set is at depth 0. */
    public static final int NESTING_DEPTH_MAX = 4;
    /** stellar-core's MAXIMUM_QUORUM_NODES: validators in the whole nested set. */
    public static final int VALIDATORS_MAX = 1000;

    public QuorumSet {
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must not be negative: " + threshold);
        }
        validators = List.copyOf(validators);
        innerSets = List.copyOf(innerSets);
        for (String validator : validators) {
            if (validator.isEmpty()) {
                throw new IllegalArgumentException("validator ids must not be empty");
            }
        }
    }

    public static QuorumSet of(long threshold, String... validators) {
        return new QuorumSet(threshold, Arrays.asList(validators), List.of());
    }

    public static QuorumSet of(long threshold, List<String> validators, List<QuorumSet> innerSets) {
        return new QuorumSet(threshold, validators, innerSets);
    }

    /**
     * The quorum set whose slices are {@code self} plus a slice of {@code others}: the white paper's
     * convention that a node belongs to all of its slices. It changes which sets are v-blocking for the
     * node ({@code {self}} always is), not which sets are quorums.
     */
    public static QuorumSet includingSelf(String self, QuorumSet others) {
        Objects.requireNonNull(self, "self");
        if (others.allValidators().contains(self)) {
            throw new IllegalArgumentException(self + " is already a member of the quorum set");
        }
        return new QuorumSet(2, List.of(self), List.of(others));
    }

    /** Validators plus inner sets: the number of members the threshold counts. */
    public int memberCount() {
        return validators.size() + innerSets.size();
    }

    /** Every validator of the nested set, sorted. */
    public Set<String> allValidators() {
        Set<String> all = new TreeSet<>();
        collect(this, all);
        return all;
    }

    private static void collect(QuorumSet set, Set<String> into) {
        into.addAll(set.validators);
        for (QuorumSet inner : set.innerSets) {
            collect(inner, into);
        }
    }

    /**
     * Violations of stellar-core's sanity rules (threshold 1..members at every level, no validator twice
     * in the nested set, nesting depth at most {@value #NESTING_DEPTH_MAX}, 1..{@value #VALIDATORS_MAX}
     * validators in all), empty if the quorum set is sane. stellar-core discards quorum sets that break
     * these rules; the analysis therefore treats such a node as having no slices.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new TreeSet<>();
        int validatorCount = check(this, 0, "", problems, seen, repeated);
        for (String validator : repeated) {
            problems.add("validator " + validator + " appears more than once");
        }
        if (validatorCount == 0) {
            problems.add("no validators");
        } else if (validatorCount > VALIDATORS_MAX) {
            problems.add(validatorCount + " validators, more than the limit of " + VALIDATORS_MAX);
        }
        return List.copyOf(problems);
    }

    private static int check(QuorumSet set, int depth, String path, List<String> problems, Set<String> seen,
            Set<String> repeated) {
        String where = path.isEmpty() ? "" : " (inner set " + path + ")";
        if (depth > NESTING_DEPTH_MAX) {
            problems.add("nesting depth " + depth + " exceeds " + NESTING_DEPTH_MAX + where);
            // Deeper levels add nothing new to report once the depth is already wrong.
            return set.allValidators().size();
        }
        if (set.threshold < 1 || set.threshold > set.memberCount()) {
            problems.add("threshold " + set.threshold + " is outside 1.." + set.memberCount() + where);
        }
        int count = set.validators.size();
        for (String validator : set.validators) {
            if (!seen.add(validator)) {
                repeated.add(validator);
            }
        }
        for (int i = 0; i < set.innerSets.size(); i++) {
            String innerPath = path.isEmpty() ? String.valueOf(i + 1) : path + "." + (i + 1);
            count += check(set.innerSets.get(i), depth + 1, innerPath, problems, seen, repeated);
        }
        return count;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(threshold).append(" of [");
        String sep = "";
        for (String validator : validators) {
            sb.append(sep).append(validator);
            sep = ", ";
        }
        for (QuorumSet inner : innerSets) {
            sb.append(sep).append('(').append(inner).append(')');
            sep = ", ";
        }
        return sb.append(']').toString();
    }
}
