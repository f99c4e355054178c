package dev.orderflow.shop.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque bearer tokens: 256 random bits from {@link SecureRandom}, base64url, mapped to a user id.
 * A user may hold several tokens at once (one per client that logged in); the oldest is revoked once a
 * user holds {@value #MAX_TOKENS_PER_USER}, so a run that logs in again and again cannot grow the map forever.
 * Tokens live forever unless a time to live is given: then a token is refused from that long after its
 * issue on, the way a JWT shop refuses an expired token, so that clients' recovery can be tested.
 */
public final class TokenStore {

    static final int MAX_TOKENS_PER_USER = 100;
    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random;
    private final Duration ttl;
    private final InstantSource clock;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final Map<Integer, ArrayDeque<String>> tokensByUser = new ConcurrentHashMap<>();

    /** Tokens that never expire. */
    public TokenStore(SecureRandom random) {
        this(random, null, InstantSource.system());
    }

    /**
     * @param ttl how long a token is accepted after its issue, or null for ever
     * @param clock the time tokens are issued and checked at
     */
    public TokenStore(SecureRandom random, Duration ttl, InstantSource clock) {
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("a token's time to live must be positive, not " + ttl);
        }
        this.random = random;
        this.ttl = ttl;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String issue(int userId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = ttl == null ? null : clock.instant().plus(ttl);
        ArrayDeque<String> tokens = tokensByUser.computeIfAbsent(userId, id -> new ArrayDeque<>());
        synchronized (tokens) {
            issued.put(token, new Issued(userId, expires));
            tokens.addLast(token);
            if (tokens.size() > MAX_TOKENS_PER_USER) {
                issued.remove(tokens.removeFirst());
            }
        }
        return token;
    }

    /** The user of a token that is known and not expired. */
    public OptionalInt userOf(String token) {
        Issued found = issued.get(token);
        if (found == null) {
            return OptionalInt.empty();
        }
        if (found.expires() != null && !clock.instant().isBefore(found.expires())) {
            issued.remove(token); // its user's queue lets go of it when newer tokens push it out
            return OptionalInt.empty();
        }
        return OptionalInt.of(found.userId());
    }

    private record Issued(int userId, Instant expires) {
    }
}
