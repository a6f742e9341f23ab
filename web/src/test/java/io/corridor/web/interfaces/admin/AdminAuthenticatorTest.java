package io.corridor.web.interfaces.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.web.interfaces.admin.AdminAuthenticator.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AdminAuthenticator}: where the secret comes from, when the admin API is disabled, and how a presented
 * bearer token is judged.
 */
class AdminAuthenticatorTest {

    private static final String SECRET = "s3cr3t-Admin.Token_0123456789~+/=";

    @TempDir
    Path dir;

    private static AdminAuthenticator with(String token, String file) {
        Map<String, String> properties = new HashMap<>();
        properties.put(AdminAuthenticator.TOKEN_PROPERTY, token);
        properties.put(AdminAuthenticator.TOKEN_FILE_PROPERTY, file);
        return AdminAuthenticator.fromProperties(properties::get);
    }

    private Path tokenFile(String content) throws IOException {
        return Files.writeString(dir.resolve("admin.token"), content, StandardCharsets.UTF_8);
    }

    @Test
    void withoutASecretTheAdminApiIsDisabled() {
        AdminAuthenticator none = with(null, null);

        assertThat(none.verify("Bearer " + SECRET)).isEqualTo(Verdict.DISABLED);
        assertThat(none.verify(null)).isEqualTo(Verdict.DISABLED);
        assertThat(none.disabledReason()).isEqualTo("admin API disabled: set corridor.admin.token.file");
        assertThat(with("  ", " ").disabledReason()).isEqualTo("admin API disabled: set corridor.admin.token.file");
    }

    @Test
    void theRightBearerTokenIsGranted() {
        AdminAuthenticator authenticator = with(SECRET, null);

        assertThat(authenticator.disabledReason()).isNull();
        assertThat(authenticator.verify("Bearer " + SECRET)).isEqualTo(Verdict.GRANTED);
        assertThat(authenticator.verify("bearer " + SECRET)).as("the scheme ignores case").isEqualTo(Verdict.GRANTED);
        assertThat(authenticator.verify("BEARER   " + SECRET + " ")).isEqualTo(Verdict.GRANTED);
    }

    @Test
    void aWrongTokenIsInvalid() {
        AdminAuthenticator authenticator = with(SECRET, null);

        assertThat(authenticator.verify("Bearer " + SECRET + "x")).isEqualTo(Verdict.INVALID_TOKEN);
        assertThat(authenticator.verify("Bearer " + SECRET.substring(1))).isEqualTo(Verdict.INVALID_TOKEN);
        assertThat(authenticator.verify("Bearer " + SECRET.toUpperCase())).as("tokens are case-sensitive")
                .isEqualTo(Verdict.INVALID_TOKEN);
        assertThat(authenticator.verify("Bearer " + "x".repeat(AdminAuthenticator.AUTHORIZATION_LENGTH_MAX)))
                .isEqualTo(Verdict.INVALID_TOKEN);
    }

    @Test
    void noBearerTokenMeansNoCredentials() {
        AdminAuthenticator authenticator = with(SECRET, null);

        assertThat(authenticator.verify(null)).isEqualTo(Verdict.NO_CREDENTIALS);
        assertThat(authenticator.verify("")).isEqualTo(Verdict.NO_CREDENTIALS);
        assertThat(authenticator.verify("Bearer")).isEqualTo(Verdict.NO_CREDENTIALS);
        assertThat(authenticator.verify("Bearer   ")).isEqualTo(Verdict.NO_CREDENTIALS);
        assertThat(authenticator.verify(SECRET)).as("the token without its scheme").isEqualTo(Verdict.NO_CREDENTIALS);
        assertThat(authenticator.verify("Basic YWRtaW46" + SECRET)).isEqualTo(Verdict.NO_CREDENTIALS);
        assertThat(authenticator.verify("Token " + SECRET)).isEqualTo(Verdict.NO_CREDENTIALS);
    }

    @Test
    void theFileIsReadTrimmedAndWinsOverTheProperty() throws IOException {
        Path file = tokenFile(SECRET + "\n");

        AdminAuthenticator authenticator = with("another-token-0123456789", file.toString());

        assertThat(authenticator.verify("Bearer " + SECRET)).isEqualTo(Verdict.GRANTED);
        assertThat(authenticator.verify("Bearer another-token-0123456789")).isEqualTo(Verdict.INVALID_TOKEN);
    }

    @Test
    void theFileIsReadAgainForEachCheckerSoARotatedTokenTakesEffect() throws IOException {
        Path file = tokenFile(SECRET);
        assertThat(with(null, file.toString()).verify("Bearer " + SECRET)).isEqualTo(Verdict.GRANTED);

        tokenFile("rotated-token-abcdefghijkl");

        assertThat(with(null, file.toString()).verify("Bearer " + SECRET)).isEqualTo(Verdict.INVALID_TOKEN);
        assertThat(with(null, file.toString()).verify("Bearer rotated-token-abcdefghijkl")).isEqualTo(Verdict.GRANTED);
    }

    @Test
    void anUnreadableEmptyOrHugeFileDisablesTheApiWithoutFallingBackToTheProperty() throws IOException {
        AdminAuthenticator missing = with(SECRET, dir.resolve("absent").toString());
        assertThat(missing.verify("Bearer " + SECRET)).isEqualTo(Verdict.DISABLED);
        assertThat(missing.disabledReason()).isEqualTo("admin API disabled: corridor.admin.token.file cannot be read");

        AdminAuthenticator empty = with(null, tokenFile(" \n").toString());
        assertThat(empty.disabledReason())
                .isEqualTo("admin API disabled: corridor.admin.token.file is empty; set corridor.admin.token.file");

        AdminAuthenticator huge = with(null, tokenFile("x".repeat(AdminAuthenticator.TOKEN_FILE_BYTES_MAX + 1))
                .toString());
        assertThat(huge.disabledReason()).isEqualTo("admin API disabled: corridor.admin.token.file is larger than "
                + "4096 bytes");

        assertThat(with(null, dir.toString()).disabledReason()).as("a directory")
                .isEqualTo("admin API disabled: corridor.admin.token.file cannot be read");
    }

    @Test
    void aShortOrOddSecretDisablesTheApi() {
        String reason = "admin API disabled: the token of corridor.admin.token must be 16 to 512 characters of "
                + "A-Z a-z 0-9 - . _ ~ + / (a bearer token)";
        assertThat(with("fifteen-chars-x", null).disabledReason()).isEqualTo(reason);
        assertThat(with("sixteen-chars-xx", null).disabledReason()).isNull();
        assertThat(with("with space inside-0123456789", null).disabledReason()).isEqualTo(reason);
        assertThat(with("non-ascii-ä-0123456789", null).disabledReason()).isEqualTo(reason);
        assertThat(with("x".repeat(AdminAuthenticator.TOKEN_LENGTH_MAX + 1), null).disabledReason()).isEqualTo(reason);
        assertThat(with("x".repeat(AdminAuthenticator.TOKEN_LENGTH_MAX), null).disabledReason()).isNull();
    }

    @Test
    void theReasonNeverContainsTheSecret() {
        assertThat(with("short-secret", null).disabledReason()).doesNotContain("short-secret");
    }
}
