package dev.orderflow.jmeter.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonPointer;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.config.ShopSettings;

/** What a sample shows of cookies and of the login answer's token: names and shape, never values. */
class SecretMasksTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void masksEveryCookieValueOfTheRequestAndTheAuthToken() {
        String head = "GET /api/cart HTTP/1.1\r\nHost: shop\r\ncookie: sessionid=s3ss; csrftoken=c5rf\r\n"
                + "Authorization: Token t0k\r\nAccept: */*";

        assertThat(SecretMasks.requestHead(head, ShopSettings.defaults()))
                .isEqualTo("GET /api/cart HTTP/1.1\r\nHost: shop\r\nCookie: sessionid=***; csrftoken=***\r\n"
                        + "Authorization: Token ***\r\nAccept: */*");
    }

    @Test
    void showsWhichSchemeAnAuthorizationManagerSentButNotItsCredentials() {
        String basic = "GET / HTTP/1.1\nAuthorization: Basic c2hvcHBlcjpzM2NyZXQ=\nAccept: */*";
        String digest = "GET / HTTP/1.1\nAuthorization: Digest username=\"shopper\", realm=\"shop\", response=\"9f2c\"";

        assertThat(SecretMasks.requestHead(basic, ShopSettings.defaults()))
                .isEqualTo("GET / HTTP/1.1\nAuthorization: Basic ***\nAccept: */*");
        assertThat(SecretMasks.requestHead(digest, ShopSettings.defaults()))
                .isEqualTo("GET / HTTP/1.1\nAuthorization: Digest ***");
    }

    @Test
    void masksAnAuthorizationHeaderAlsoWhenTheShopsTokenTravelsInAnotherHeader() {
        ShopSettings ownHeader = ShopSettings.of("shop", Map.of(ShopConnectionSchema.AUTH_HEADER_NAME, "X-Auth-Token",
                ShopConnectionSchema.AUTH_HEADER_TEMPLATE, "{token}"));
        String head = "GET / HTTP/1.1\nX-Auth-Token: t0k\nAuthorization: Basic c2hvcHBlcjpzM2NyZXQ=";

        assertThat(SecretMasks.requestHead(head, ownHeader))
                .isEqualTo("GET / HTTP/1.1\nX-Auth-Token: ***\nAuthorization: Basic ***");
    }

    @Test
    void masksTheValueOfEachSetCookieKeepingItsAttributes() {
        String head = "HTTP/1.1 200 OK\nSet-Cookie: sessionid=s3ss; Path=/; HttpOnly\nContent-Type: text/html\n"
                + "set-cookie: theme=dark";

        assertThat(SecretMasks.responseHead(head))
                .isEqualTo("HTTP/1.1 200 OK\nSet-Cookie: sessionid=***; Path=/; HttpOnly\nContent-Type: text/html\n"
                        + "Set-Cookie: theme=***");
    }

    @Test
    void leavesAHeadWithoutSecretsAsItIs() {
        String head = "HTTP/1.1 200 OK\nContent-Type: application/json\nX-Set-Cookie-Hint: none";

        assertThat(SecretMasks.responseHead(head)).isSameAs(head);
    }

    @Test
    void replacesTheTokenInTheLoginAnswerKeepingItsJsonShape() {
        byte[] masked = SecretMasks.tokenInBody(bytes("{\"token\": \"abc123\", \"user_id\": 7}"),
                JsonPointer.compile("/token"));

        assertThat(new String(masked, StandardCharsets.UTF_8)).isEqualTo("{\"token\":\"***\",\"user_id\":7}");
    }

    @Test
    void replacesANestedOrNumericTokenToo() {
        byte[] nested = SecretMasks.tokenInBody(bytes("{\"data\":{\"jwt\":12345678}}"),
                JsonPointer.compile("/data/jwt"));
        byte[] inArray = SecretMasks.tokenInBody(bytes("{\"keys\":[\"k1\",\"k2\"]}"), JsonPointer.compile("/keys/1"));

        assertThat(new String(nested, StandardCharsets.UTF_8)).isEqualTo("{\"data\":{\"jwt\":\"***\"}}");
        assertThat(new String(inArray, StandardCharsets.UTF_8)).isEqualTo("{\"keys\":[\"k1\",\"***\"]}");
    }

    @Test
    void keepsAnAnswerWithoutATokenAsItIs() {
        byte[] refused = bytes("{\"error\":\"invalid_credentials\",\"detail\":\"no\"}");
        byte[] html = bytes("<html>Bad gateway</html>");

        assertThat(SecretMasks.tokenInBody(refused, JsonPointer.compile("/token"))).isSameAs(refused);
        assertThat(SecretMasks.tokenInBody(html, JsonPointer.compile("/token"))).isSameAs(html);
    }
}
