package io.corridor.consensus.herder;

import java.io.IOException;
import java.math.BigInteger;

import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.StellarValue;
import org.stellar.sdk.xdr.StellarValueType;
import org.stellar.sdk.xdr.TimePoint;
import org.stellar.sdk.xdr.Uint64;
import org.stellar.sdk.xdr.UpgradeType;
import org.stellar.sdk.xdr.Value;
import org.stellar.sdk.xdr.XdrUnsignedHyperInteger;

/** SCP values of a Corridor network: the XDR of a basic {@code StellarValue} (set hash, close time, no upgrades). */
final class StellarValues {
    private StellarValues() {
    }

    static StellarValue of(byte[] txSetHash, long closeTime) {
        StellarValue value = new StellarValue();
        value.setTxSetHash(new Hash(txSetHash.clone()));
        value.setCloseTime(new TimePoint(new Uint64(new XdrUnsignedHyperInteger(BigInteger.valueOf(closeTime)))));
        value.setUpgrades(new UpgradeType[0]);
        StellarValue.StellarValueExt ext = new StellarValue.StellarValueExt();
        ext.setDiscriminant(StellarValueType.STELLAR_VALUE_BASIC);
        value.setExt(ext);
        return value;
    }

    static Value toValue(StellarValue value) {
        return new Value(Wire.write(value::encode));
    }

    /** Decodes a value; throws {@link IOException} when it is not exactly one StellarValue. */
    static StellarValue decode(Value value) throws IOException {
        return Wire.read(value.getValue(), StellarValue::decode);
    }

    static long closeTime(StellarValue value) {
        return value.getCloseTime().getTimePoint().getUint64().getNumber().longValueExact();
    }
}
