package dev.orderflow.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.shop.testing.RawConnection;
import dev.orderflow.shop.testing.ShopClient;
import dev.orderflow.shop.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop against clients that would starve it, on real sockets: heads that never finish, clients that
 * say nothing, one address holding too many connections. The deadlines are short and the bounds wide,
 * so that a busy machine cannot make a test fail: a close may come late, never early.
 */
@Timeout(60)
class ShopDefenceTest {

    private static final Duration DEADLINE = Duration.ofMillis(400);
    /** Far longer than the deadline plus two sweeps, far shorter than the 120 s idle timeout. */
    private static final int CLOSE_WITHIN_MS = 5_000;
    private static final int ANSWER_WITHIN_MS = 10_000;

    @TempDir
    Path tmp;

    private Shop start(ShopConfig.Builder config) {
        TestData.write(tmp, 2, List.of("1,Lamp,1.00,5"));
        return Shop.start(config.port(0).dataDir(tmp).adminKey("k").build());
    }

    @Test
    void aClientTricklingItsHeadIsCutOffAtTheDeadlineWhileAnotherIsServed() throws IOException {
        try (Shop shop = start(ShopConfig.builder().headerTimeout(DEADLINE))) {
            long start = System.nanoTime();
            try (RawConnection trickler = new RawConnection(shop.port())) {
                trickler.send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
                assertThat(new ShopClient(shop.baseUri()).get("/health").status()).isEqualTo(200);

                boolean closed = trickle(trickler, 2 * CLOSE_WITHIN_MS);
                long closedAfterMs = millisSince(start);

                assertThat(closed).as("closed while still trickling its head").isTrue();
                assertThat(closedAfterMs).isBetween(DEADLINE.toMillis(), (long) CLOSE_WITHIN_MS);
            }
            assertThat(new ShopClient(shop.baseUri()).get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void aClientThatConnectsAndSaysNothingIsClosedAtTheDeadline() throws IOException {
        try (Shop shop = start(ShopConfig.builder().headerTimeout(DEADLINE))) {
            long start = System.nanoTime();
            try (RawConnection silent = new RawConnection(shop.port())) {
                assertThat(silent.awaitClosed(CLOSE_WITHIN_MS)).isTrue();
                assertThat(millisSince(start)).isBetween(DEADLINE.toMillis(), (long) CLOSE_WITHIN_MS);
            }
        }
    }

    @Test
    void aKeptAliveConnectionMayIdleBetweenRequestsFarLongerThanTheDeadline() throws IOException {
        try (Shop shop = start(ShopConfig.builder().headerTimeout(DEADLINE));
             RawConnection user = new RawConnection(shop.port())) {
            for (int request = 0; request < 3; request++) {
                assertThat(user.exchange(RawConnection.get("/health"), ANSWER_WITHIN_MS)).isEqualTo(200);
                // think time: three deadlines without a byte, as a load-test user thinks between requests
                assertThat(user.awaitClosed((int) (3 * DEADLINE.toMillis()))).as("closed while idle").isFalse();
            }
            assertThat(user.exchange(RawConnection.get("/api/products"), ANSWER_WITHIN_MS)).isEqualTo(200);
        }
    }

    @Test
    void theNextHeadOnAKeptAliveConnectionHasTheDeadlineFromItsFirstByte() throws IOException {
        try (Shop shop = start(ShopConfig.builder().headerTimeout(DEADLINE));
             RawConnection user = new RawConnection(shop.port())) {
            assertThat(user.exchange(RawConnection.get("/health"), ANSWER_WITHIN_MS)).isEqualTo(200);
            assertThat(user.awaitClosed((int) (2 * DEADLINE.toMillis()))).as("closed while idle").isFalse();

            long start = System.nanoTime();
            user.send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
            boolean closed = trickle(user, 2 * CLOSE_WITHIN_MS);

            assertThat(closed).as("closed while still trickling its second head").isTrue();
            assertThat(millisSince(start)).isBetween(DEADLINE.toMillis(), (long) CLOSE_WITHIN_MS);
        }
    }

    @Test
    void connectionsOverTheCapOfOneAddressAreClosedWhileThoseUnderItWork() throws IOException {
        int cap = 3;
        try (Shop shop = start(ShopConfig.builder().maxConnectionsPerAddress(cap))) {
            List<RawConnection> held = new ArrayList<>();
            try {
                for (int i = 0; i < cap; i++) {
                    RawConnection connection = new RawConnection(shop.port());
                    held.add(connection);
                    assertThat(connection.exchange(RawConnection.get("/health"), ANSWER_WITHIN_MS)).isEqualTo(200);
                }
                try (RawConnection over = new RawConnection(shop.port())) {
                    assertThat(over.awaitClosed(CLOSE_WITHIN_MS)).as("the connection over the cap is closed").isTrue();
                }
                for (RawConnection connection : held) {
                    assertThat(connection.exchange(RawConnection.get("/health"), ANSWER_WITHIN_MS)).isEqualTo(200);
                }

                held.remove(0).close();
                assertThat(healthOnANewConnectionWithin(shop.port(), CLOSE_WITHIN_MS))
                        .as("a connection is let in again once one under the cap has closed").isTrue();
            } finally {
                held.forEach(RawConnection::close);
            }
        }
    }

    @Test
    void theCapCountsEachAddressApart() throws IOException {
        InetAddress other = InetAddress.getByName("127.0.0.2");
        try (Shop shop = start(ShopConfig.builder().maxConnectionsPerAddress(1));
             RawConnection first = new RawConnection(shop.port())) {
            assertThat(first.exchange(RawConnection.get("/health"), ANSWER_WITHIN_MS)).isEqualTo(200);
            RawConnection fromOther;
            try {
                fromOther = new RawConnection(shop.port(), other);
            } catch (UncheckedIOException e) {
                // Linux answers on all of 127/8; a machine that does not cannot run this test
                Assumptions.abort("cannot connect from " + other + ": " + e.getMessage());
                return;
            }
            try (fromOther) {
                assertThat(fromOther.exchange(RawConnection.get("/health"), ANSWER_WITHIN_MS)).isEqualTo(200);
            }
        }
    }

    /**
     * Sends one more byte of the head every 100 ms until the shop closes the connection or {@code maxMillis}
     * pass; true when the shop closed it. The pace is the wait for the close itself, not a sleep.
     */
    private static boolean trickle(RawConnection connection, int maxMillis) {
        long start = System.nanoTime();
        while (millisSince(start) < maxMillis) {
            try {
                connection.send("a");
                if (connection.awaitClosed(100)) {
                    return true;
                }
            } catch (IOException e) {
                // the write failed: the shop closed the connection
                return true;
            }
        }
        return false;
    }

    /** The shop closes a rejected connection after accepting it; the slot of a closed one frees soon after. */
    private static boolean healthOnANewConnectionWithin(int port, int maxMillis) {
        long start = System.nanoTime();
        while (millisSince(start) < maxMillis) {
            try (RawConnection connection = new RawConnection(port)) {
                if (connection.exchange(RawConnection.get("/health"), ANSWER_WITHIN_MS) == 200) {
                    return true;
                }
            } catch (IOException e) {
                // closed as over the cap: the shop has not yet seen the other one close
            }
        }
        return false;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
