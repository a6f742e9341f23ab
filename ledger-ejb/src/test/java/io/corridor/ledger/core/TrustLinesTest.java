package io.corridor.ledger.core;

import static io.corridor.ledger.core.LedgerFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.TrustLineEntry;

/** The trust-line arithmetic every credit operation relies on: asset codes, limits, liabilities and flags. */
class TrustLinesTest {

    private final KeyPair issuer = key("issuer");
    private final KeyPair holder = key("holder");
    private final Asset usd = CreditFixture.usd(issuer).toXdr();

    private TrustLineEntry line(long balance, long limit, int flags) {
        TrustLineEntry line = TrustLines.newTrustLine(Accounts.parse(holder.getAccountId()), usd, limit, flags, 1)
                .getData().getTrustLine();
        line.setBalance(new Int64(balance));
        return line;
    }

    private static Asset code4(String code) {
        Asset asset = CreditFixture.usd(key("issuer")).toXdr();
        asset.getAlphaNum4().getAssetCode().setAssetCode4(Arrays.copyOf(code.getBytes(StandardCharsets.ISO_8859_1), 4));
        return asset;
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "USD", "usd1", "EUR\0"})
    void alphanum4CodesOfOneToFourLettersOrDigitsAreValid(String code) {
        assertThat(TrustLines.isAssetValid(code4(code))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\0USD", "U\0SD", "U_SD", "US D", "\u00e9UR"})
    void alphanum4CodesWithOtherCharactersOrInnerZerosAreInvalid(String code) {
        assertThat(TrustLines.isAssetValid(code4(code))).isFalse();
    }

    @Test
    void alphanum12CodesNeedFiveCharacters() {
        assertThat(TrustLines.isAssetValid(CreditFixture.asset("BONDS", issuer).toXdr())).isTrue();
        Asset four = CreditFixture.asset("BONDS", issuer).toXdr();
        four.getAlphaNum12().getAssetCode().setAssetCode12(Arrays.copyOf("BOND".getBytes(StandardCharsets.US_ASCII),
                12));
        assertThat(TrustLines.isAssetValid(four)).isFalse();
    }

    @Test
    void nativeAssetIsValidButHasNoIssuerAndNoLine() {
        Asset xlm = new AssetTypeNative().toXdr();
        assertThat(TrustLines.isAssetValid(xlm)).isTrue();
        assertThat(TrustLines.isIssuer(Accounts.parse(issuer.getAccountId()), xlm)).isFalse();
        assertThatThrownBy(() -> TrustLines.key(Accounts.parse(holder.getAccountId()), xlm))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void balanceStaysBetweenSellingLiabilitiesAndLimitMinusBuyingLiabilities() {
        TrustLineEntry line = line(100, 1_000, TrustLines.AUTHORIZED_FLAG);
        TrustLines.setLiabilities(line, 200, 30);

        assertThat(TrustLines.availableBalance(line)).isEqualTo(70);
        assertThat(TrustLines.maxAmountReceive(line)).isEqualTo(700);
        assertThat(TrustLines.minimumLimit(line)).isEqualTo(300);
        assertThat(TrustLines.addBalance(line, 701)).isFalse();
        assertThat(TrustLines.addBalance(line, -71)).isFalse();
        assertThat(TrustLines.balance(line)).isEqualTo(100);
        assertThat(TrustLines.addBalance(line, 700)).isTrue();
        assertThat(TrustLines.balance(line)).isEqualTo(800);
        assertThat(TrustLines.addBalance(line, -770)).isTrue();
        assertThat(TrustLines.balance(line)).isEqualTo(30);
    }

    @Test
    void extremeDeltasNeitherOverflowNorPass() {
        TrustLineEntry line = line(100, Long.MAX_VALUE, TrustLines.AUTHORIZED_FLAG);

        assertThat(TrustLines.addBalance(line, Long.MAX_VALUE)).isFalse();
        assertThat(TrustLines.addBalance(line, Long.MIN_VALUE)).isFalse();
        assertThat(TrustLines.addBalance(line, Long.MAX_VALUE - 100)).isTrue();
        assertThat(TrustLines.balance(line)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void movingTheBalanceOfAnUnauthorizedLineIsABugExceptForClawback() {
        TrustLineEntry frozen = line(100, 1_000, TrustLines.TRUSTLINE_CLAWBACK_ENABLED_FLAG);

        assertThatThrownBy(() -> TrustLines.addBalance(frozen, -1)).isInstanceOf(IllegalStateException.class);
        assertThat(TrustLines.addBalanceSkipAuthorization(frozen, -100)).isTrue();
        assertThat(TrustLines.balance(frozen)).isZero();
    }

    @Test
    void maintainLiabilitiesLinesMayStillMoveTheirBalance() {
        // The order book settles offers of such lines; payments check full authorization themselves.
        TrustLineEntry line = line(100, 1_000, TrustLines.AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG);

        assertThat(TrustLines.isAuthorized(line)).isFalse();
        assertThat(TrustLines.isAuthorizedToMaintainLiabilities(line)).isTrue();
        assertThat(TrustLines.addBalance(line, -10)).isTrue();
    }

    @Test
    void linesRejectBothAuthorizationFlagsAndUnknownFlags() {
        TrustLineEntry line = line(0, 1_000, 0);

        assertThatThrownBy(() -> TrustLines.setFlags(line, TrustLines.AUTH_FLAGS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustLines.setFlags(line, 0x8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustLines.setLiabilities(line, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustLines.setLimit(line, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newLinesTakeTheirFlagsFromTheIssuer() {
        AccountEntry account = Accounts.newAccount(Accounts.parse(issuer.getAccountId()), 0, 0, 1)
                .getData().getAccount();

        assertThat(TrustLines.initialFlags(account)).isEqualTo(TrustLines.AUTHORIZED_FLAG);
        account.setFlags(Accounts.uint32(Accounts.AUTH_REQUIRED_FLAG));
        assertThat(TrustLines.initialFlags(account)).isZero();
        account.setFlags(Accounts.uint32(Accounts.AUTH_REQUIRED_FLAG | Accounts.AUTH_REVOCABLE_FLAG
                | Accounts.AUTH_CLAWBACK_ENABLED_FLAG));
        assertThat(TrustLines.initialFlags(account)).isEqualTo(TrustLines.TRUSTLINE_CLAWBACK_ENABLED_FLAG);
    }
}
