package io.corridor.web.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.stellar.sdk.StrKey;

/** Fixed values and assertions shared by the REST tests; account ids are derived from fixed bytes. */
final class TestValues {

    static final String ISSUER = account(1);
    static final String SELLER = account(2);
    static final String BASE_URL = "http://node.test:8000/";

    private TestValues() {
    }

    static String account(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return StrKey.encodeEd25519PublicKey(key);
    }

    /** The id with its last character changed, so that the checksum no longer matches. */
    static String badChecksum(String accountId) {
        char last = accountId.charAt(accountId.length() - 1);
        return accountId.substring(0, accountId.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    /** Asserts that {@code call} refuses a parameter, naming {@code field}; returns the reason. */
    static String assertInvalid(ThrowingCallable call, String field) {
        String[] reason = new String[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidParameter.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).isNotBlank();
            assertThat(e.getStackTrace()).isEmpty();
            reason[0] = e.reason();
        });
        return reason[0];
    }

    /** A {@link UriInfo} that knows only its base URI, which is all {@link Links} asks for. */
    static UriInfo uriInfo() {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getBaseUri")) {
                        return URI.create(BASE_URL);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static Links links() {
        return new Links(uriInfo());
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
