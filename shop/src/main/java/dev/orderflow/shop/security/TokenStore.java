package dev.orderflow.shop.security;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque bearer tokens: 256 random bits from {@link SecureRandom}, base64url, mapped to a user id.
 * A user may hold several tokens at once (one per client that logged in); the oldest is revoked once a
 * user holds {@value #MAX_TOKENS_PER_USER}, so a run that logs in again and again cannot grow the map forever.
 */
public final class TokenStore {

    static final int MAX_TOKENS_PER_USER = 100;
    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random;
    private final Map<String, Integer> userByToken = new ConcurrentHashMap<>();
    private final Map<Integer, ArrayDeque<String>> tokensByUser = new ConcurrentHashMap<>();

    public TokenStore(SecureRandom random) {
        this.random = random;
    }

    public String issue(int userId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ArrayDeque<String> tokens = tokensByUser.computeIfAbsent(userId, id -> new ArrayDeque<>());
        synchronized (tokens) {
            userByToken.put(token, userId);
            tokens.addLast(token);
            if (tokens.size() > MAX_TOKENS_PER_USER) {
                userByToken.remove(tokens.removeFirst());
            }
        }
        return token;
    }

    public OptionalInt userOf(String token) {
        Integer userId = userByToken.get(token);
        return userId == null ? OptionalInt.empty() : OptionalInt.of(userId);
    }
}
