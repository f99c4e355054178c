package dev.orderflow.shop.security;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenStoreTest {

    private final TokenStore tokens = new TokenStore(new SecureRandom());

    @Test
    void aTokenCarries256RandomBitsAndMapsToItsUser() {
        String token = tokens.issue(7);
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.userOf(token)).hasValue(7);
        assertThat(tokens.userOf("x" + token)).isEmpty();
        assertThat(tokens.issue(7)).isNotEqualTo(token);
    }

    @Test
    void aUserKeepsOnlyTheNewestTokensSoRepeatedLoginsCannotGrowTheStoreForever() {
        List<String> issued = new ArrayList<>();
        for (int i = 0; i <= TokenStore.MAX_TOKENS_PER_USER; i++) {
            issued.add(tokens.issue(1));
        }
        String other = tokens.issue(2);
        assertThat(tokens.userOf(issued.get(0))).isEmpty();
        assertThat(tokens.userOf(issued.get(1))).hasValue(1);
        assertThat(tokens.userOf(issued.get(issued.size() - 1))).hasValue(1);
        assertThat(tokens.userOf(other)).hasValue(2);
    }

    @Test
    void withATimeToLiveATokenIsRefusedFromItsExpiryOnAndANewLoginWorksAgain() {
        SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
        TokenStore expiring = new TokenStore(new SecureRandom(), Duration.ofSeconds(30), clock);
        String first = expiring.issue(3);

        clock.now = clock.now.plusSeconds(29).plusMillis(999);
        assertThat(expiring.userOf(first)).hasValue(3);
        clock.now = clock.now.plusMillis(1);
        assertThat(expiring.userOf(first)).isEmpty();
        assertThat(expiring.userOf(first)).as("still refused when asked again").isEmpty();

        String second = expiring.issue(3);
        assertThat(expiring.userOf(second)).hasValue(3);
        clock.now = clock.now.plus(Duration.ofDays(1));
        assertThat(expiring.userOf(second)).isEmpty();
    }

    @Test
    void withoutATimeToLiveATokenNeverExpires() {
        SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
        TokenStore lasting = new TokenStore(new SecureRandom(), null, clock);
        String token = lasting.issue(4);
        clock.now = clock.now.plus(Duration.ofDays(3650));
        assertThat(lasting.userOf(token)).hasValue(4);
    }

    @Test
    void aTimeToLiveMustBePositive() {
        assertThatThrownBy(() -> new TokenStore(new SecureRandom(), Duration.ZERO, InstantSource.system()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    /** A clock the test moves by hand. */
    private static final class SettableClock implements InstantSource {
        Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
