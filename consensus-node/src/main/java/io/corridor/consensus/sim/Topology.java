package io.corridor.consensus.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.corridor.consensus.fbas.BefouledNodes;
import io.corridor.consensus.fbas.Fbas;
import io.corridor.consensus.fbas.FbasAnalysis;
import io.corridor.consensus.fbas.QuorumSet;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.Uint32;
import org.stellar.sdk.xdr.XdrUnsignedInteger;

/**
 * A named network to simulate: nodes (by index and name) and each node's quorum set, written once in the
 * FBAS model and translated to XDR for SCP. It also says which sets of Byzantine nodes the simulation may
 * use: those of at most {@link #byzantineMax()} nodes whose complement is intact according to the white
 * paper's definitions ({@link FbasAnalysis#befouled}), so that every honest node must stay safe and live.
 */
public final class Topology {
    private final String name;
    private final List<String> nodes;
    private final Map<String, QuorumSet> quorumSets;
    private final int byzantineMax;
    private final Fbas fbas;
    private final List<SimIdentity> identities;
    private List<SortedSet<Integer>> admissible;

    /**
     * @param name         stable name, used on the command line
     * @param nodes        node names in index order
     * @param quorumSets   each node's quorum set over node names
     * @param byzantineMax largest Byzantine set to consider
     */
    public Topology(String name, List<String> nodes, Map<String, QuorumSet> quorumSets, int byzantineMax) {
        this.name = Objects.requireNonNull(name, "name");
        this.nodes = List.copyOf(nodes);
        this.quorumSets = Collections.unmodifiableMap(new TreeMap<>(quorumSets));
        this.byzantineMax = byzantineMax;
        Fbas.Builder builder = Fbas.builder();
        List<SimIdentity> ids = new ArrayList<>();
        for (int i = 0; i < this.nodes.size(); i++) {
            String node = this.nodes.get(i);
            QuorumSet q = quorumSets.get(node);
            if (q == null) {
                throw new IllegalArgumentException("node " + node + " has no quorum set");
            }
            builder.node(node, q);
            ids.add(new SimIdentity(i, name + "/" + node));
        }
        this.fbas = builder.build();
        this.identities = List.copyOf(ids);
    }

    public String name() {
        return name;
    }

    public int size() {
        return nodes.size();
    }

    public String nodeName(int index) {
        return nodes.get(index);
    }

    public int byzantineMax() {
        return byzantineMax;
    }

    public Fbas fbas() {
        return fbas;
    }

    public QuorumSet quorumSet(int index) {
        return quorumSets.get(nodes.get(index));
    }

    List<SimIdentity> identities() {
        return identities;
    }

    /** The node's quorum set in XDR, as its SCP instance uses it. */
    public SCPQuorumSet scpQuorumSet(int index) {
        return toXdr(quorumSet(index));
    }

    private SCPQuorumSet toXdr(QuorumSet q) {
        SCPQuorumSet x = new SCPQuorumSet();
        x.setThreshold(new Uint32(new XdrUnsignedInteger(q.threshold())));
        List<NodeID> validators = new ArrayList<>();
        for (String v : q.validators()) {
            int i = nodes.indexOf(v);
            if (i < 0) {
                throw new IllegalArgumentException("quorum set names unknown node " + v);
            }
            validators.add(identities.get(i).nodeId());
        }
        x.setValidators(validators.toArray(new NodeID[0]));
        x.setInnerSets(q.innerSets().stream().map(this::toXdr).toArray(SCPQuorumSet[]::new));
        return x;
    }

    /** Node names of the given indices, sorted as the FBAS analysis sorts them. */
    public List<String> names(Iterable<Integer> indices) {
        List<String> out = new ArrayList<>();
        for (int i : indices) {
            out.add(nodes.get(i));
        }
        Collections.sort(out);
        return out;
    }

    /** The intact nodes (indices, ascending) when the given nodes are ill-behaved. */
    public SortedSet<Integer> intact(SortedSet<Integer> illBehaved) {
        BefouledNodes b = new FbasAnalysis(fbas).befouled(names(illBehaved));
        SortedSet<Integer> out = new TreeSet<>();
        for (String n : b.intact()) {
            out.add(nodes.indexOf(n));
        }
        return out;
    }

    /** Whether the given Byzantine set leaves every other node intact. */
    public boolean tolerates(SortedSet<Integer> byzantine) {
        SortedSet<Integer> intact = intact(byzantine);
        return intact.size() + byzantine.size() == size();
    }

    /**
     * Every Byzantine set of at most {@link #byzantineMax()} nodes that this topology tolerates (the empty
     * set included), by size then lexicographically. Computed once.
     */
    public synchronized List<SortedSet<Integer>> admissibleByzantineSets() {
        if (admissible == null) {
            List<SortedSet<Integer>> out = new ArrayList<>();
            collect(new TreeSet<>(), 0, out);
            out.sort((a, b) -> a.size() != b.size() ? Integer.compare(a.size(), b.size())
                    : a.toString().compareTo(b.toString()));
            admissible = List.copyOf(out);
        }
        return admissible;
    }

    private void collect(TreeSet<Integer> current, int from, List<SortedSet<Integer>> out) {
        // No pruning: a set that befouls an honest node x may be tolerated once x is in it too.
        if (tolerates(current)) {
            out.add(Collections.unmodifiableSortedSet(new TreeSet<>(current)));
        }
        if (current.size() == byzantineMax) {
            return;
        }
        for (int i = from; i < size(); i++) {
            current.add(i);
            collect(current, i + 1, out);
            current.remove(i);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
