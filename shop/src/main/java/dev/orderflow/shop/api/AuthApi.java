package dev.orderflow.shop.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.shop.http.ApiException;
import dev.orderflow.shop.http.Exchange;
import dev.orderflow.shop.http.Json;
import dev.orderflow.shop.http.Reply;
import dev.orderflow.shop.security.PasswordHasher;
import dev.orderflow.shop.security.TokenStore;
import dev.orderflow.shop.store.StoredUser;
import dev.orderflow.shop.store.UserRepository;
import java.util.Optional;

/** {@code POST /api/auth/login}. */
final class AuthApi {

    private final UserRepository users;
    /** Checked against when the user does not exist, so that a wrong name takes as long as a wrong password. */
    private final String decoyHash;
    private final PasswordHasher hasher;
    private final TokenStore tokens;

    AuthApi(UserRepository users, PasswordHasher hasher, TokenStore tokens) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.decoyHash = hasher.hash("decoy password");
    }

    Reply login(Exchange exchange) {
        ObjectNode body = exchange.jsonObject();
        String username = Json.requiredString(body, "username");
        String password = Json.requiredString(body, "password");
        Optional<StoredUser> user = users.findByUsername(username);
        boolean matches = hasher.verify(password, user.map(StoredUser::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !matches) {
            throw new ApiException(400, "invalid_credentials", "the username or password is wrong");
        }
        int userId = user.get().id();
        return Reply.json(200, new Views.Login(tokens.issue(userId), userId));
    }
}
