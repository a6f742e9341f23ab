package io.corridor.ledger.core.close;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.tx.TransactionFrame;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionSet;

/**
 * A ledger's transaction set in Stellar's legacy form: the previous ledger's hash and the envelopes sorted
 * by transaction hash. Its hash, SHA-256 of the previous ledger hash followed by each envelope's XDR in
 * that order, is what consensus agrees on. The legacy form records no surge-pricing base fee; the ledger
 * derives it from the set ({@link #baseFee}).
 */
public final class TxSetFrame {

    private final byte[] previousLedgerHash;
    private final List<TransactionFrame> transactions;
    private final byte[] hash;

    public TxSetFrame(byte[] previousLedgerHash, List<TransactionFrame> transactions) {
        if (previousLedgerHash.length != 32) {
            throw new IllegalArgumentException("previous ledger hash must be 32 bytes");
        }
        this.previousLedgerHash = previousLedgerHash.clone();
        List<TransactionFrame> sorted = new ArrayList<>(transactions);
        sorted.sort(Comparator.comparing(TransactionFrame::hash, Arrays::compareUnsigned));
        for (int i = 1; i < sorted.size(); i++) {
            if (Arrays.equals(sorted.get(i - 1).hash(), sorted.get(i).hash())) {
                throw new IllegalArgumentException("transaction set holds a transaction twice: " + sorted.get(i).hashHex());
            }
        }
        this.transactions = List.copyOf(sorted);
        MessageDigest digest = Hashing.sha256Digest();
        digest.update(previousLedgerHash);
        for (TransactionFrame tx : this.transactions) {
            digest.update(Xdr.encode(tx.envelope()::toXdrByteArray));
        }
        this.hash = digest.digest();
    }

    public byte[] hash() {
        return hash.clone();
    }

    public byte[] previousLedgerHash() {
        return previousLedgerHash.clone();
    }

    /** Transactions in hash order. */
    public List<TransactionFrame> transactions() {
        return transactions;
    }

    public int operationCount() {
        return transactions.stream().mapToInt(TransactionFrame::operationCount).sum();
    }

    /**
     * The effective base fee the ledger built on {@code previous} charges this set's transactions: raised by
     * surge pricing to the set's lowest fee rate when the set is (nearly) full, else the header's base fee.
     * Derived from the set and the previous header only, so every node charges the same
     * ({@link SurgePricing}).
     */
    public long baseFee(LedgerHeader previous) {
        return SurgePricing.effectiveBaseFee(transactions, previous.getBaseFee().getUint32().getNumber(),
                previous.getMaxTxSetSize().getUint32().getNumber());
    }

    public TransactionSet toXdr() {
        TransactionSet set = new TransactionSet();
        set.setPreviousLedgerHash(new Hash(previousLedgerHash));
        set.setTxs(transactions.stream().map(TransactionFrame::envelope).toArray(TransactionEnvelope[]::new));
        return set;
    }

    /**
     * The order transactions apply in, as stellar-core's legacy sets: transactions of one source account
     * keep their sequence order; the i-th transaction of every account forms batch i, and each batch is
     * shuffled by transaction hash XOR set hash so that no submitter can choose its place.
     */
    public List<TransactionFrame> applyOrder() {
        Map<String, List<TransactionFrame>> bySource = new LinkedHashMap<>();
        for (TransactionFrame tx : transactions) {
            bySource.computeIfAbsent(Accounts.strKey(tx.sourceAccount()), k -> new ArrayList<>()).add(tx);
        }
        bySource.values().forEach(list -> list.sort(Comparator.comparingLong(TransactionFrame::seqNum)));
        List<TransactionFrame> order = new ArrayList<>(transactions.size());
        for (int batch = 0; order.size() < transactions.size(); batch++) {
            List<TransactionFrame> current = new ArrayList<>();
            for (List<TransactionFrame> list : bySource.values()) {
                if (batch < list.size()) {
                    current.add(list.get(batch));
                }
            }
            current.sort(Comparator.comparing(tx -> xor(tx.hash(), hash), Arrays::compareUnsigned));
            order.addAll(current);
        }
        return order;
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }
}
