package io.corridor.web.interfaces.rest;

import io.corridor.ledger.core.Accounts;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.TrustLineAsset;

/** Horizon's asset fields ({@code asset_type}, {@code asset_code}, {@code asset_issuer}), optionally prefixed. */
final class AssetJson {

    private AssetJson() {
    }

    static void add(JsonObjectBuilder json, String prefix, Asset asset) {
        switch (asset.getDiscriminant()) {
            case ASSET_TYPE_NATIVE -> json.add(prefix + "asset_type", "native");
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> credit(json, prefix, "credit_alphanum4",
                    asset.getAlphaNum4().getAssetCode().getAssetCode4(), asset.getAlphaNum4().getIssuer());
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> credit(json, prefix, "credit_alphanum12",
                    asset.getAlphaNum12().getAssetCode().getAssetCode12(), asset.getAlphaNum12().getIssuer());
            default -> json.add(prefix + "asset_type", "liquidity_pool_shares");
        }
    }

    static void add(JsonObjectBuilder json, String prefix, TrustLineAsset asset) {
        switch (asset.getDiscriminant()) {
            case ASSET_TYPE_NATIVE -> json.add(prefix + "asset_type", "native");
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> credit(json, prefix, "credit_alphanum4",
                    asset.getAlphaNum4().getAssetCode().getAssetCode4(), asset.getAlphaNum4().getIssuer());
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> credit(json, prefix, "credit_alphanum12",
                    asset.getAlphaNum12().getAssetCode().getAssetCode12(), asset.getAlphaNum12().getIssuer());
            default -> json.add(prefix + "asset_type", "liquidity_pool_shares");
        }
    }

    /** The canonical {@code CODE:ISSUER} form (or {@code native}), as Horizon writes assets in one string. */
    static String canonical(Asset asset) {
        return switch (asset.getDiscriminant()) {
            case ASSET_TYPE_NATIVE -> "native";
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> code(asset.getAlphaNum4().getAssetCode().getAssetCode4()) + ":"
                    + Accounts.strKey(asset.getAlphaNum4().getIssuer());
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> code(asset.getAlphaNum12().getAssetCode().getAssetCode12()) + ":"
                    + Accounts.strKey(asset.getAlphaNum12().getIssuer());
            default -> throw new IllegalArgumentException("not a classic asset: " + asset.getDiscriminant());
        };
    }

    private static void credit(JsonObjectBuilder json, String prefix, String type, byte[] code, AccountID issuer) {
        json.add(prefix + "asset_type", type)
                .add(prefix + "asset_code", code(code))
                .add(prefix + "asset_issuer", Accounts.strKey(issuer));
    }

    /** Asset codes are NUL-padded in XDR. */
    static String code(byte[] bytes) {
        int length = 0;
        while (length < bytes.length && bytes[length] != 0) {
            length++;
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
}
