package io.corridor.web.interfaces.rest;

/**
 * One side of a market as a request names it (the raw parameter values): Horizon's
 * {@code <side>_asset_type}, {@code <side>_asset_code} and {@code <side>_asset_issuer}, and, where an
 * endpoint takes it, the newer one-string form {@code <side>=native|CODE:ISSUER} ({@code canonical}, null
 * where the endpoint has no such parameter). {@link #parse()} applies Horizon's rules.
 */
record AssetParam(String side, String canonical, String type, String code, String issuer) {

    static final String MISSING = "Missing parameter";
    static final String REQUIRED = "Missing required field";

    /** A side without the one-string form (order book, trades, paths). */
    static AssetParam of(String side, String type, String code, String issuer) {
        return new AssetParam(side, null, type, code, issuer);
    }

    /** The asset, or null when no parameter of this side is given. */
    MarketAsset parse() {
        String prefix = side + "_";
        if (Params.present(canonical) && Params.present(type)) {
            throw new InvalidParameter(prefix + "asset_type", "Ambiguous parameter, you can't include both `" + side
                    + "` and `" + prefix + "asset_type`. Remove all parameters of the form `" + prefix + "`");
        }
        MarketAsset fromParts = fromParts(prefix);
        if (Params.present(canonical)) {
            return MarketAsset.parseCanonical(side, canonical);
        }
        return fromParts;
    }

    /** The asset, which must be given. */
    MarketAsset required() {
        MarketAsset asset = parse();
        if (asset == null) {
            throw new InvalidParameter(side + "_asset_type", REQUIRED);
        }
        return asset;
    }

    private MarketAsset fromParts(String prefix) {
        if (!Params.present(type)) {
            if (Params.present(code) || Params.present(issuer)) {
                throw new InvalidParameter(prefix + "asset_type", MISSING);
            }
            return null;
        }
        switch (type) {
            case MarketAsset.NATIVE -> {
                if (Params.present(code)) {
                    throw new InvalidParameter(prefix + "asset_code", "native asset does not have a code");
                }
                if (Params.present(issuer)) {
                    throw new InvalidParameter(prefix + "asset_issuer", "native asset does not have an issuer");
                }
                return MarketAsset.nativeAsset();
            }
            case MarketAsset.ALPHANUM4, MarketAsset.ALPHANUM12 -> {
                if (!MarketAsset.validCode(type, code)) {
                    throw new InvalidParameter(prefix + "asset_code", MarketAsset.ALPHANUM4.equals(type)
                            ? "Asset code must be 1-4 alphanumeric characters for credit_alphanum4"
                            : "Asset code must be 1-12 alphanumeric characters");
                }
                if (!Params.present(issuer)) {
                    throw new InvalidParameter(prefix + "asset_issuer", MISSING);
                }
                return new MarketAsset(type, code, Params.accountId(prefix + "asset_issuer", issuer));
            }
            default -> throw new InvalidParameter(prefix + "asset_type", MarketAsset.TYPE_REASON);
        }
    }
}
