package dev.orderflow.shop.api;

import dev.orderflow.shop.http.ApiException;
import dev.orderflow.shop.http.Exchange;
import dev.orderflow.shop.security.AdminKey;
import dev.orderflow.shop.security.TokenStore;

/** Who is asking: the user behind {@code Authorization: Token …}, or the admin behind {@code X-Admin-Key}. */
final class Authenticator {

    private static final String SCHEME = "Token ";

    private final TokenStore tokens;
    private final AdminKey adminKey;

    Authenticator(TokenStore tokens, AdminKey adminKey) {
        this.tokens = tokens;
        this.adminKey = adminKey;
    }

    /** The user id of the request's token; a missing, malformed or unknown token is a 401. */
    int user(Exchange exchange) {
        String header = exchange.header("Authorization");
        if (header == null) {
            throw ApiException.unauthorized("the Authorization header is missing; send Authorization: Token <token>");
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.length() == SCHEME.length()) {
            throw ApiException.unauthorized("the Authorization header must be Token <token>");
        }
        return tokens.userOf(header.substring(SCHEME.length()).strip())
                .orElseThrow(() -> ApiException.unauthorized("the token is not valid; log in again"));
    }

    void admin(Exchange exchange) {
        if (!adminKey.matches(exchange.header("X-Admin-Key"))) {
            throw new ApiException(403, "forbidden", "a valid X-Admin-Key header is required");
        }
    }
}
