package io.corridor.web.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An asset named in a request: the native asset, or a credit asset's code and issuer, in Horizon's three
 * asset types. Parameters are parsed into it only after validation, and the constructor checks again, so
 * an instance is always a valid asset.
 */
record MarketAsset(String type, String code, String issuer) {

    static final String NATIVE = "native";
    static final String ALPHANUM4 = "credit_alphanum4";
    static final String ALPHANUM12 = "credit_alphanum12";
    static final int CODE4_LENGTH_MAX = 4;
    static final int CODE12_LENGTH_MAX = 12;
    static final String TYPE_REASON = "Asset type must be native, credit_alphanum4 or credit_alphanum12";
    static final String CANONICAL_REASON =
            "Asset must be the string \"native\" or a string of the form \"Code:IssuerAccountID\" for issued assets.";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,12}");

    MarketAsset {
        switch (type) {
            case NATIVE -> {
                if (code != null || issuer != null) {
                    throw new IllegalArgumentException("the native asset has no code or issuer");
                }
            }
            case ALPHANUM4, ALPHANUM12 -> {
                if (!validCode(type, code)) {
                    throw new IllegalArgumentException("not a " + type + " code: " + code);
                }
                if (!Params.isAccountId(issuer)) {
                    throw new IllegalArgumentException("not an issuer account id: " + issuer);
                }
            }
            default -> throw new IllegalArgumentException("not an asset type: " + type);
        }
    }

    static MarketAsset nativeAsset() {
        return new MarketAsset(NATIVE, null, null);
    }

    /** A credit asset typed by its code's length, as the one-string form {@code CODE:ISSUER} implies. */
    static MarketAsset credit(String code, String issuer) {
        return new MarketAsset(code.length() <= CODE4_LENGTH_MAX ? ALPHANUM4 : ALPHANUM12, code, issuer);
    }

    /** 1–4 alphanumeric characters for credit_alphanum4, 1–12 for credit_alphanum12 (Horizon's rule). */
    static boolean validCode(String type, String code) {
        int max = ALPHANUM4.equals(type) ? CODE4_LENGTH_MAX : CODE12_LENGTH_MAX;
        return code != null && code.length() <= max && CODE.matcher(code).matches();
    }

    /**
     * The one-string form of one asset, {@code native} or {@code CODE:ISSUER} (SEP-11), as the {@code selling}
     * and {@code buying} parameters take it.
     */
    static MarketAsset parseCanonical(String field, String value) {
        MarketAsset asset = canonicalOrNull(value, false);
        if (asset == null) {
            throw new InvalidParameter(field, CANONICAL_REASON);
        }
        return asset;
    }

    /**
     * A comma-separated list of assets in the one-string form, at most {@code max} of them, as
     * {@code source_assets} and {@code destination_assets} take it; empty when absent. Horizon accepts
     * {@code native} in any case in lists.
     */
    static List<MarketAsset> parseList(String field, String value, int max) {
        List<MarketAsset> assets = new ArrayList<>();
        if (!Params.present(value)) {
            return assets;
        }
        String[] items = value.split(",", -1);
        if (items.length > max) {
            throw new InvalidParameter(field, "list of assets exceeds maximum length of " + max);
        }
        for (String item : items) {
            MarketAsset asset = canonicalOrNull(item, true);
            if (asset == null) {
                throw new InvalidParameter(field, item + " is not a valid asset");
            }
            assets.add(asset);
        }
        return assets;
    }

    private static MarketAsset canonicalOrNull(String value, boolean nativeInAnyCase) {
        if (nativeInAnyCase ? NATIVE.equals(value.toLowerCase(Locale.ROOT)) : NATIVE.equals(value)) {
            return nativeAsset();
        }
        String[] parts = value.split(":", -1);
        if (parts.length != 2 || !validCode(ALPHANUM12, parts[0]) || !Params.isAccountId(parts[1])) {
            return null;
        }
        return credit(parts[0], parts[1]);
    }

    boolean isNative() {
        return NATIVE.equals(type);
    }

    /** {@code native} or {@code CODE:ISSUER}. */
    String canonical() {
        return isNative() ? NATIVE : code + ":" + issuer;
    }

    /** Horizon's asset object: {@code asset_type}, and {@code asset_code} and {@code asset_issuer} for credit. */
    JsonObjectBuilder toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("asset_type", type);
        if (!isNative()) {
            json.add("asset_code", code).add("asset_issuer", issuer);
        }
        return json;
    }

    /** The asset as the three request parameters {@code <prefix>asset_type}, {@code _code}, {@code _issuer}. */
    Map<String, String> asParams(String prefix) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(prefix + "asset_type", type);
        if (!isNative()) {
            params.put(prefix + "asset_code", code);
            params.put(prefix + "asset_issuer", issuer);
        }
        return params;
    }
}
