package io.corridor.ledger.infrastructure.consensus;

import io.corridor.consensus.herder.LedgerPort;
import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.core.close.TxSetFrame;
import io.corridor.ledger.core.tx.TransactionFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionSet;

/** The herder's {@link LedgerPort} over this node's {@link LedgerNode}. */
final class LedgerNodePort implements LedgerPort {

    private final LedgerNode node;

    LedgerNodePort(LedgerNode node) {
        this.node = node;
    }

    @Override
    public LedgerHeader lastClosedHeader() {
        return node.lastHeader();
    }

    @Override
    public TransactionSet proposeTransactionSet() {
        return node.proposeTransactionSet().toXdr();
    }

    @Override
    public byte[] transactionSetHash(TransactionSet set) {
        return frame(set).hash();
    }

    @Override
    public Optional<String> checkTransactionSet(TransactionSet set) {
        return node.checkTransactionSet(set.getPreviousLedgerHash().getHash(), List.of(set.getTxs()));
    }

    @Override
    public LedgerHeader apply(TransactionSet set, long closeTime) {
        return node.applyExternalized(List.of(set.getTxs()), closeTime).header();
    }

    @Override
    public Optional<LedgerHeader> header(long sequence) {
        return sequence > Integer.MAX_VALUE ? Optional.empty() : node.header((int) sequence);
    }

    @Override
    public Optional<TransactionSet> transactionSet(long sequence) {
        if (sequence > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        Optional<LedgerHeader> header = node.header((int) sequence);
        Optional<List<TransactionEnvelope>> txs = node.transactionsOfLedger((int) sequence);
        if (header.isEmpty() || txs.isEmpty()) {
            return Optional.empty();
        }
        TransactionSet set = new TransactionSet();
        set.setPreviousLedgerHash(new Hash(header.get().getPreviousLedgerHash().getHash()));
        set.setTxs(txs.get().toArray(TransactionEnvelope[]::new));
        return Optional.of(set);
    }

    /** Admits a flooded transaction; the node's admission listener floods it on, so this never asks for a relay. */
    @Override
    public boolean receiveTransaction(TransactionEnvelope envelope) {
        node.submit(envelope);
        return false;
    }

    private TxSetFrame frame(TransactionSet set) {
        List<TransactionFrame> frames = new ArrayList<>(set.getTxs().length);
        for (TransactionEnvelope envelope : set.getTxs()) {
            frames.add(TransactionFrame.of(envelope, node.profile().networkId()));
        }
        return new TxSetFrame(set.getPreviousLedgerHash().getHash(), frames);
    }
}
