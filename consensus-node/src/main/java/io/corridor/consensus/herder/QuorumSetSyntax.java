package io.corridor.consensus.herder;

import io.corridor.consensus.overlay.NodeKey;
import io.corridor.consensus.scp.QuorumSetSanity;
import io.corridor.consensus.scp.QuorumSets;

import java.util.ArrayList;
import java.util.List;

import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.Uint32;
import org.stellar.sdk.xdr.XdrUnsignedInteger;

/**
 * The one-line form of a (nested) quorum set used in {@code corridor.quorum.set}: a threshold, then its members in
 * parentheses, each a validator's public key or an inner set, e.g. an organisation-based network of three banks
 * with three validators each, two of three inside a bank and two of three banks:
 * <pre>2(2(GA…,GB…,GC…), 2(GD…,GE…,GF…), 2(GG…,GH…,GI…))</pre>
 * Whitespace is ignored. Errors give the character position and what was expected; the set must be sane
 * ({@link QuorumSets#checkSanity}: thresholds within 1..members, no duplicates, nesting and size bounds).
 */
public final class QuorumSetSyntax {
    private final String text;
    private int pos;

    private QuorumSetSyntax(String text) {
        this.text = text;
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} saying where and what is wrong. */
    public static SCPQuorumSet parse(String text) {
        QuorumSetSyntax parser = new QuorumSetSyntax(text);
        SCPQuorumSet set = parser.set(0);
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("end of the quorum set");
        }
        QuorumSetSanity sanity = QuorumSets.checkSanity(set, false);
        if (sanity != QuorumSetSanity.SANE) {
            throw new IllegalArgumentException("the quorum set is not sane: " + sanity);
        }
        return set;
    }

    /** The flat quorum set {@code threshold} of {@code validators} ({@code G...} keys), as a network of peers uses. */
    public static SCPQuorumSet flat(long threshold, List<String> validators) {
        SCPQuorumSet set = new SCPQuorumSet();
        set.setThreshold(new Uint32(new XdrUnsignedInteger(threshold)));
        set.setValidators(validators.stream().map(v -> Herder.nodeId(NodeKey.decodeAccountId(v))).toArray(NodeID[]::new));
        set.setInnerSets(new SCPQuorumSet[0]);
        return set;
    }

    /** The one-line form of a quorum set ({@link #parse} reads it back). */
    public static String format(SCPQuorumSet set) {
        List<String> members = new ArrayList<>();
        for (NodeID node : set.getValidators()) {
            members.add(Herder.key(node));
        }
        for (SCPQuorumSet inner : set.getInnerSets()) {
            members.add(format(inner));
        }
        return set.getThreshold().getUint32().getNumber() + "(" + String.join(",", members) + ")";
    }

    private SCPQuorumSet set(int depth) {
        if (depth > QuorumSets.NESTING_DEPTH_MAX) {
            throw error("at most " + QuorumSets.NESTING_DEPTH_MAX + " levels of nesting");
        }
        skipSpace();
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos || pos - start > 9) {
            pos = start;
            throw error("a threshold (a whole number)");
        }
        long threshold = Long.parseLong(text.substring(start, pos));
        expect('(');
        List<NodeID> validators = new ArrayList<>();
        List<SCPQuorumSet> inner = new ArrayList<>();
        do {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == 'G') {
                validators.add(validator());
            } else {
                inner.add(set(depth + 1));
            }
            skipSpace();
        } while (pos < text.length() && text.charAt(pos) == ',' && ++pos > 0);
        expect(')');
        SCPQuorumSet set = new SCPQuorumSet();
        set.setThreshold(new Uint32(new XdrUnsignedInteger(threshold)));
        set.setValidators(validators.toArray(NodeID[]::new));
        set.setInnerSets(inner.toArray(SCPQuorumSet[]::new));
        return set;
    }

    private NodeID validator() {
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        String key = text.substring(start, pos);
        try {
            return Herder.nodeId(NodeKey.decodeAccountId(key));
        } catch (RuntimeException e) {
            pos = start;
            throw error("a validator's public key (G..., 56 characters), not '" + key + "'");
        }
    }

    private void expect(char c) {
        skipSpace();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String expected) {
        String found = pos >= text.length() ? "the end" : "'" + text.charAt(pos) + "'";
        return new IllegalArgumentException("expected " + expected + " at character " + (pos + 1) + ", found " + found);
    }
}
