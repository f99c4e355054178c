package dev.orderflow.shop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AdminKeyTest {

    @Test
    void matchesOnlyTheExactKey() {
        AdminKey key = new AdminKey("s3cret");
        assertThat(key.matches("s3cret")).isTrue();
        assertThat(key.matches("s3cre")).isFalse();
        assertThat(key.matches("s3cret ")).isFalse();
        assertThat(key.matches(null)).isFalse();
        assertThat(key.toString()).doesNotContain("s3cret");
    }

    @Test
    void randomKeysDiffer() {
        SecureRandom random = new SecureRandom();
        assertThat(AdminKey.random(random).value()).isNotEqualTo(AdminKey.random(random).value()).hasSize(22);
    }

    @Test
    void aBlankKeyIsRefused() {
        assertThatThrownBy(() -> new AdminKey(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdminKey(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
