package dev.orderflow.shop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
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
}
