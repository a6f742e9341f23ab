package io.corridor.consensus.herder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.TransactionSet;
import org.stellar.sdk.xdr.XdrDataInputStream;
import org.stellar.sdk.xdr.XdrDataOutputStream;

/**
 * Payloads of the herder's messages that are not a single XDR value: a ledger range request and the ledgers
 * that answer it. Everything else travels as the XDR of one Stellar type (SCPEnvelope, TransactionSet,
 * SCPQuorumSet, TransactionEnvelope) or as a raw 32-byte hash.
 */
final class Wire {
    /** Most ledgers one LEDGERS message carries. */
    static final int LEDGERS_PER_MESSAGE = 32;

    private Wire() {
    }

    /** A closed ledger as catch-up ships it: its header and the transaction set it applied. */
    record ShippedLedger(LedgerHeader header, TransactionSet transactionSet) {
    }

    record LedgerRange(long first, long last) {
    }

    static byte[] ledgerRange(long first, long last) {
        return write(out -> {
            out.writeLong(first);
            out.writeLong(last);
        });
    }

    static LedgerRange readLedgerRange(byte[] payload) throws IOException {
        XdrDataInputStream in = input(payload);
        LedgerRange range = new LedgerRange(in.readLong(), in.readLong());
        end(in);
        return range;
    }

    static byte[] ledgers(List<ShippedLedger> ledgers) {
        return write(out -> {
            out.writeInt(ledgers.size());
            for (ShippedLedger ledger : ledgers) {
                ledger.header().encode(out);
                ledger.transactionSet().encode(out);
            }
        });
    }

    static List<ShippedLedger> readLedgers(byte[] payload) throws IOException {
        XdrDataInputStream in = input(payload);
        int count = in.readInt();
        if (count < 0 || count > LEDGERS_PER_MESSAGE) {
            throw new IOException("a LEDGERS message holds 0.." + LEDGERS_PER_MESSAGE + " ledgers, not " + count);
        }
        List<ShippedLedger> ledgers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ledgers.add(decoded(() -> new ShippedLedger(LedgerHeader.decode(in), TransactionSet.decode(in))));
        }
        end(in);
        return ledgers;
    }

    static byte[] slot(long slot) {
        return write(out -> out.writeLong(slot));
    }

    static long readSlot(byte[] payload) throws IOException {
        XdrDataInputStream in = input(payload);
        long slot = in.readLong();
        end(in);
        return slot;
    }

    interface Writer {
        void write(XdrDataOutputStream out) throws IOException;
    }

    static byte[] write(Writer writer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            writer.write(new XdrDataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("encoding to memory failed", e);
        }
    }

    private interface Decode<T> {
        T run() throws IOException;
    }

    interface Reader<T> {
        T read(XdrDataInputStream in) throws IOException;
    }

    /** Decodes one XDR value that must fill the payload exactly. */
    static <T> T read(byte[] payload, Reader<T> reader) throws IOException {
        XdrDataInputStream in = input(payload);
        T value = decoded(() -> reader.read(in));
        end(in);
        return value;
    }

    /**
     * Runs an SDK decoder on a peer's bytes. The decoders answer malformed input with unchecked exceptions (an
     * unknown enum value, a negative length) and allocate an array as long as a length field claims before reading
     * it; all of these mean the same thing here: the message is not what it claims to be.
     */
    private static <T> T decoded(Decode<T> decode) throws IOException {
        try {
            return decode.run();
        } catch (RuntimeException e) {
            throw new IOException("malformed XDR: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // One allocation sized by a forged length field, refused before anything was filled in.
            throw new IOException("malformed XDR: a length field claims more than this node holds in memory");
        }
    }

    private static XdrDataInputStream input(byte[] payload) {
        return new XdrDataInputStream(new ByteArrayInputStream(payload));
    }

    private static void end(XdrDataInputStream in) throws IOException {
        if (in.read() != -1) {
            throw new IOException("trailing bytes after the message");
        }
    }
}
