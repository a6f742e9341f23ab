package io.corridor.consensus.fbas;

/**
 * Where the two disjoint quorums of a splitting set may lie. Both scopes use the white paper's deletion;
 * they differ in which forks count.
 */
public enum SplittingScope {
    /**
     * Both quorums inside the core: the strongly connected component of the trust graph that holds the top
     * tier. These sets split the top tier, and with it every node that follows the top tier; this matches
     * fbas_analyzer's top-tier analysis and is the default.
     */
    CORE("core"),
    /**
     * The quorums may lie anywhere among the nodes that can be in a quorum at all. This adds the sets that
     * split off nodes outside the core (a node that trusts only two validators is split off by those two).
     * Nodes that can be in no quorum are treated as absent, as fbas_analyzer does.
     */
    QUORUM_NODES("quorum_nodes");

    private final String code;

    SplittingScope(String code) {
        this.code = code;
    }

    /** Stable name used on the command line and in JSON output. */
    public String code() {
        return code;
    }
}
