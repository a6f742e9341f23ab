package io.corridor.ledger.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Ed25519;
import io.corridor.ledger.core.Hashing;
import org.junit.jupiter.api.Test;

class VerifiedSignaturesTest {

    private final byte[] seed = Hashing.sha256(new byte[] {7});
    private final byte[] key = Ed25519.publicKeyFromSeed(seed);
    private final byte[] message = Hashing.sha256(new byte[] {1});

    @Test
    void answersAsEd25519AndRemembersEachTripleOnce() {
        VerifiedSignatures cache = new VerifiedSignatures();
        byte[] good = Ed25519.sign(seed, message);
        byte[] bad = good.clone();
        bad[0] ^= 1;
        assertThat(cache.verify(key, message, good)).isTrue();
        assertThat(cache.verify(key, message, good)).isTrue();
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.verify(key, message, bad)).isFalse();
        assertThat(cache.verify(key, message, bad)).isFalse();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.verify(key, Hashing.sha256(new byte[] {2}), good)).isFalse();
    }
}
