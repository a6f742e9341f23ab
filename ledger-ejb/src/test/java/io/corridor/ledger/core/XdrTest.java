package io.corridor.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.xdr.TransactionEnvelope;

/** Untrusted XDR decodes only when it is exactly one value: not cut short, nothing after it. */
class XdrTest {

    private final LedgerFixture ledger = new LedgerFixture();

    private byte[] envelope() {
        KeyPair to = LedgerFixture.key("xdr-test");
        return Xdr.encode(ledger.payment(ledger.root(), to, 1).toEnvelopeXdr()::toXdrByteArray);
    }

    @Test
    void aWholeEnvelopeDecodes() throws Exception {
        byte[] bytes = envelope();
        TransactionEnvelope decoded = Xdr.decode(bytes, TransactionEnvelope::decode);
        assertThat(Xdr.encode(decoded::toXdrByteArray)).isEqualTo(bytes);
    }

    @Test
    void anEnvelopeCutShortInsideItsSignatureIsRefused() {
        byte[] bytes = envelope();
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 8);
        assertThatThrownBy(() -> Xdr.decode(cut, TransactionEnvelope::decode))
                .isInstanceOf(Xdr.XdrDecodeException.class).hasMessageContaining("cut short");
    }

    @Test
    void bytesAfterTheEnvelopeAreRefused() {
        byte[] bytes = envelope();
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 4);
        assertThatThrownBy(() -> Xdr.decode(longer, TransactionEnvelope::decode))
                .isInstanceOf(Xdr.XdrDecodeException.class).hasMessageContaining("unexpected bytes");
    }
}
