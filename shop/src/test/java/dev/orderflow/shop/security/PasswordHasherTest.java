package dev.orderflow.shop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

    @Test
    void aHashVerifiesItsPasswordOnly() {
        String stored = hasher.hash("Go8Xpuf5eoHL2aRe");
        assertThat(hasher.verify("Go8Xpuf5eoHL2aRe", stored)).isTrue();
        assertThat(hasher.verify("Go8Xpuf5eoHL2aRf", stored)).isFalse();
        assertThat(hasher.verify("", stored)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeAndNeverContainsIt() {
        String a = hasher.hash("same-password");
        String b = hasher.hash("same-password");
        assertThat(a).isNotEqualTo(b).doesNotContain("same-password")
                .startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "pbkdf2-sha256$x$AAAA$AAAA", "md5$1000$AAAA$AAAA",
            "pbkdf2-sha256$1000$!!$AAAA", "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$1000$AAAA"})
    void anUnreadableStoredHashVerifiesNothing(String stored) {
        assertThat(hasher.verify("pw", stored)).isFalse();
    }
}
