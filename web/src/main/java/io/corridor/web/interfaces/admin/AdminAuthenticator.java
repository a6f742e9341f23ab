package io.corridor.web.interfaces.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Checks the admin API's {@code Authorization: Bearer <token>} against the node's secret: the content of the file
 * named by {@value #TOKEN_FILE_PROPERTY} (preferred: the secret stays out of process listings) or else the value
 * of {@value #TOKEN_PROPERTY}. Without either the admin API is disabled. Tokens are compared as SHA-256 digests
 * with {@link MessageDigest#isEqual}, which takes the same time wherever the digests differ, so the comparison
 * reveals nothing about the secret; only the secret's digest is kept. Neither the secret nor a presented token is
 * ever logged or echoed.
 */
public final class AdminAuthenticator {

    public static final String TOKEN_PROPERTY = "corridor.admin.token";
    public static final String TOKEN_FILE_PROPERTY = "corridor.admin.token.file";
    /** Characters of the secret, at least: a guessable admin token would open the bank's registry. */
    public static final int TOKEN_LENGTH_MIN = 16;
    public static final int TOKEN_LENGTH_MAX = 512;
    /** Bytes read from the token file at most. */
    static final int TOKEN_FILE_BYTES_MAX = 4096;
    /** Characters of an {@code Authorization} header considered at most. */
    static final int AUTHORIZATION_LENGTH_MAX = 1024;

    /** RFC 6750's {@code b64token}: the characters a bearer token may have. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
    private static final Logger LOG = Logger.getLogger(AdminAuthenticator.class.getName());

    /** The outcome of a check. Stable codes. */
    public enum Verdict {
        /** The token is the node's secret. */
        GRANTED,
        /** The node has no (usable) secret; see {@link #disabledReason()}. */
        DISABLED,
        /** No bearer token was presented. */
        NO_CREDENTIALS,
        /** A bearer token was presented and it is not the secret. */
        INVALID_TOKEN
    }

    private final byte[] secretDigest;
    private final String disabledReason;

    private AdminAuthenticator(byte[] secretDigest, String disabledReason) {
        this.secretDigest = secretDigest;
        this.disabledReason = disabledReason;
    }

    /** From the node's settings ({@code property} is e.g. {@code System::getProperty}). */
    public static AdminAuthenticator fromProperties(UnaryOperator<String> property) {
        String file = property.apply(TOKEN_FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            return fromFile(file.strip());
        }
        String token = property.apply(TOKEN_PROPERTY);
        if (token != null && !token.isBlank()) {
            return fromSecret(token.strip(), TOKEN_PROPERTY);
        }
        return disabled("admin API disabled: set " + TOKEN_FILE_PROPERTY);
    }

    private static AdminAuthenticator fromFile(String file) {
        byte[] content;
        try {
            Path path = Path.of(file);
            if (Files.size(path) > TOKEN_FILE_BYTES_MAX) {
                return disabled("admin API disabled: " + TOKEN_FILE_PROPERTY + " is larger than "
                        + TOKEN_FILE_BYTES_MAX + " bytes");
            }
            content = Files.readAllBytes(path);
        } catch (IOException | InvalidPathException e) {
            LOG.warning(() -> TOKEN_FILE_PROPERTY + ": cannot read " + file + " (" + e.getClass().getSimpleName()
                    + "); the admin API is disabled");
            return disabled("admin API disabled: " + TOKEN_FILE_PROPERTY + " cannot be read");
        }
        String secret = new String(content, StandardCharsets.UTF_8).strip();
        Arrays.fill(content, (byte) 0);
        return fromSecret(secret, TOKEN_FILE_PROPERTY);
    }

    private static AdminAuthenticator fromSecret(String secret, String source) {
        if (secret.isEmpty()) {
            return disabled("admin API disabled: " + source + " is empty; set " + TOKEN_FILE_PROPERTY);
        }
        if (secret.length() < TOKEN_LENGTH_MIN || secret.length() > TOKEN_LENGTH_MAX
                || !BEARER_TOKEN.matcher(secret).matches()) {
            return disabled("admin API disabled: the token of " + source + " must be " + TOKEN_LENGTH_MIN + " to "
                    + TOKEN_LENGTH_MAX + " characters of A-Z a-z 0-9 - . _ ~ + / (a bearer token)");
        }
        return new AdminAuthenticator(sha256(secret), null);
    }

    private static AdminAuthenticator disabled(String reason) {
        return new AdminAuthenticator(null, reason);
    }

    /** Checks the value of a request's {@code Authorization} header (null when absent). */
    public Verdict verify(String authorization) {
        if (secretDigest == null) {
            return Verdict.DISABLED;
        }
        if (authorization == null || authorization.isBlank()) {
            return Verdict.NO_CREDENTIALS;
        }
        if (authorization.length() > AUTHORIZATION_LENGTH_MAX) {
            return Verdict.INVALID_TOKEN;
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        // The scheme name is case-insensitive (RFC 9110); a header of another scheme carries no bearer token.
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return Verdict.NO_CREDENTIALS;
        }
        String token = header.substring(space + 1).strip();
        if (token.isEmpty()) {
            return Verdict.NO_CREDENTIALS;
        }
        return MessageDigest.isEqual(sha256(token), secretDigest) ? Verdict.GRANTED : Verdict.INVALID_TOKEN;
    }

    /** Why the admin API is disabled; null when it is enabled. */
    public String disabledReason() {
        return disabledReason;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
