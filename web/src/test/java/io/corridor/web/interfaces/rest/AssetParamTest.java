package io.corridor.web.interfaces.rest;

import static io.corridor.web.interfaces.rest.TestValues.ISSUER;
import static io.corridor.web.interfaces.rest.TestValues.assertInvalid;
import static io.corridor.web.interfaces.rest.TestValues.badChecksum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AssetParamTest {

    private static AssetParam parts(String type, String code, String issuer) {
        return AssetParam.of("selling", type, code, issuer);
    }

    private static AssetParam oneString(String value) {
        return new AssetParam("selling", value, null, null, null);
    }

    @Test
    void parsesTheThreeParameterForm() {
        assertThat(parts("native", null, null).parse()).isEqualTo(MarketAsset.nativeAsset());
        assertThat(parts("credit_alphanum4", "USD", ISSUER).parse())
                .isEqualTo(new MarketAsset("credit_alphanum4", "USD", ISSUER));
        assertThat(parts("credit_alphanum12", "EURO2026", ISSUER).parse())
                .isEqualTo(new MarketAsset("credit_alphanum12", "EURO2026", ISSUER));
        // Horizon takes a short code with credit_alphanum12 too; such an asset simply has no offers.
        assertThat(parts("credit_alphanum12", "USD", ISSUER).parse().type()).isEqualTo("credit_alphanum12");
    }

    @Test
    void absentSideIsNullButRequiredSideIsAnError() {
        assertThat(parts(null, null, null).parse()).isNull();
        assertThat(parts("", "", "").parse()).isNull();
        String reason = assertInvalid(() -> parts(null, null, null).required(), "selling_asset_type");
        assertThat(reason).isEqualTo("Missing required field");
    }

    @Test
    void namesTheParameterThatIsWrong() {
        assertInvalid(() -> parts(null, "USD", ISSUER).parse(), "selling_asset_type");
        assertInvalid(() -> parts(null, null, ISSUER).parse(), "selling_asset_type");
        String type = assertInvalid(() -> parts("credit_alphanum", "USD", ISSUER).parse(), "selling_asset_type");
        assertThat(type).isEqualTo("Asset type must be native, credit_alphanum4 or credit_alphanum12");
        assertInvalid(() -> parts("NATIVE", null, null).parse(), "selling_asset_type");
        assertInvalid(() -> parts("native", "XLM", null).parse(), "selling_asset_code");
        assertInvalid(() -> parts("native", null, ISSUER).parse(), "selling_asset_issuer");
        assertInvalid(() -> parts("credit_alphanum4", null, ISSUER).parse(), "selling_asset_code");
        assertInvalid(() -> parts("credit_alphanum4", "EURO", ISSUER + "X").parse(), "selling_asset_issuer");
        assertInvalid(() -> parts("credit_alphanum4", "EUROS", ISSUER).parse(), "selling_asset_code");
        assertInvalid(() -> parts("credit_alphanum12", "THIRTEENCHARS", ISSUER).parse(), "selling_asset_code");
        assertInvalid(() -> parts("credit_alphanum4", "US$", ISSUER).parse(), "selling_asset_code");
        assertInvalid(() -> parts("credit_alphanum4", "US D", ISSUER).parse(), "selling_asset_code");
        String missing = assertInvalid(() -> parts("credit_alphanum4", "USD", null).parse(), "selling_asset_issuer");
        assertThat(missing).isEqualTo("Missing parameter");
        assertInvalid(() -> parts("credit_alphanum4", "USD", badChecksum(ISSUER)).parse(), "selling_asset_issuer");
    }

    @Test
    void parsesTheOneStringForm() {
        assertThat(oneString("native").parse()).isEqualTo(MarketAsset.nativeAsset());
        assertThat(oneString("USD:" + ISSUER).parse()).isEqualTo(new MarketAsset("credit_alphanum4", "USD", ISSUER));
        assertThat(oneString("EURO2026:" + ISSUER).parse().type()).isEqualTo("credit_alphanum12");
        assertThat(oneString("USD:" + ISSUER).parse().canonical()).isEqualTo("USD:" + ISSUER);
    }

    @Test
    void refusesMalformedOneStringAssets() {
        for (String bad : new String[] {"NATIVE", "USD", "USD:", ":" + ISSUER, "THIRTEENCHARS:" + ISSUER,
                "US$:" + ISSUER, "USD:" + badChecksum(ISSUER), "USD:" + ISSUER + ":x"}) {
            String reason = assertInvalid(() -> oneString(bad).parse(), "selling");
            assertThat(reason).startsWith("Asset must be the string \"native\"");
        }
    }

    @Test
    void refusesBothFormsForOneSide() {
        String reason = assertInvalid(() -> new AssetParam("selling", "native", "native", null, null).parse(),
                "selling_asset_type");
        assertThat(reason).startsWith("Ambiguous parameter");
        assertInvalid(() -> new AssetParam("selling", "native", null, "USD", null).parse(), "selling_asset_type");
    }

    @Test
    void parsesListsOfAtMostTheBound() {
        assertThat(MarketAsset.parseList("source_assets", null, 15)).isEmpty();
        assertThat(MarketAsset.parseList("source_assets", "native,USD:" + ISSUER + ",Native", 15))
                .containsExactly(MarketAsset.nativeAsset(), MarketAsset.credit("USD", ISSUER),
                        MarketAsset.nativeAsset());
        String tooMany = "native,".repeat(15) + "native";
        assertThat(assertInvalid(() -> MarketAsset.parseList("source_assets", tooMany, 15), "source_assets"))
                .isEqualTo("list of assets exceeds maximum length of 15");
        assertInvalid(() -> MarketAsset.parseList("source_assets", "native,", 15), "source_assets");
        assertInvalid(() -> MarketAsset.parseList("source_assets", "native,USD", 15), "source_assets");
    }

    @Test
    void rendersHorizonsAssetObject() {
        assertThat(TestValues.json(MarketAsset.nativeAsset().toJson().build().toString()))
                .containsOnlyKeys("asset_type");
        var credit = MarketAsset.credit("USD", ISSUER).toJson().build();
        assertThat(credit.getString("asset_type")).isEqualTo("credit_alphanum4");
        assertThat(credit.getString("asset_code")).isEqualTo("USD");
        assertThat(credit.getString("asset_issuer")).isEqualTo(ISSUER);
    }

    @Test
    void anInvalidAssetCannotBeBuilt() {
        assertThatThrownBy(() -> new MarketAsset("native", "XLM", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarketAsset("credit_alphanum4", "EUROS", ISSUER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarketAsset("credit_alphanum4", "EUR", "issuer"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarketAsset("pool_share", null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
