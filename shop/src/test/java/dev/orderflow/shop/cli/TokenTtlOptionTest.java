package dev.orderflow.shop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code --token-ttl}: tokens that expire like a JWT shop's, for testing clients' re-login. */
class TokenTtlOptionTest {

    @Test
    void tokensNeverExpireUnlessAsked() throws UsageException {
        assertThat(ShopOptions.parse(new String[0]).config().tokenTtl()).isNull();
    }

    @Test
    void theTimeToLiveIsGivenInSeconds() throws UsageException {
        assertThat(ShopOptions.parse(new String[] {"--token-ttl", "90"}).config().tokenTtl())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(ShopOptions.parse(new String[] {"--token-ttl=5"}).config().tokenTtl())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aTimeToLiveBelowOneSecondOrNotANumberIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> ShopOptions.parse(new String[] {"--token-ttl", "0"}))
                .isInstanceOf(UsageException.class).hasMessage("--token-ttl must be from 1 to 2147483647, not 0");
        assertThatThrownBy(() -> ShopOptions.parse(new String[] {"--token-ttl", "soon"}))
                .isInstanceOf(UsageException.class).hasMessage("--token-ttl must be a whole number, not 'soon'");
    }

    @Test
    void theHelpNamesIt() {
        assertThat(ShopOptions.HELP).contains("--token-ttl");
    }
}
