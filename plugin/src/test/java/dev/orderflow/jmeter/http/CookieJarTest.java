package dev.orderflow.jmeter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class CookieJarTest {

    private final CookieJar jar = new CookieJar(Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void sendsNoCookieHeaderBeforeTheShopSetsOne() {
        assertThat(jar.header()).isNull();
    }

    @Test
    void replacesACookieOfTheSameName() {
        jar.store(List.of("sessionid=one; Path=/", "sessionid=two"));

        assertThat(jar.header()).isEqualTo("sessionid=two");
    }

    @Test
    void dropsACookieWhoseExpiresDateHasPassed() {
        jar.store(List.of("a=1", "b=2"));
        jar.store(List.of("a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT", "b=3; Expires=Sun, 01 Jun 2025 13:00:00 GMT"));

        assertThat(jar.get("a")).isNull();
        assertThat(jar.header()).isEqualTo("b=3");
    }

    @Test
    void letsMaxAgeWinOverExpires() {
        jar.store(List.of("a=1; Max-Age=3600; Expires=Thu, 01 Jan 1970 00:00:00 GMT"));

        assertThat(jar.get("a")).isEqualTo("1");
    }

    @Test
    void ignoresNamelessAndMalformedCookies() {
        jar.store(List.of("=nameless", "noequals", "ok=yes; Max-Age=abc; Expires=not a date"));

        assertThat(jar.header()).isEqualTo("ok=yes");
        jar.clear();
        assertThat(jar.header()).isNull();
    }
}
