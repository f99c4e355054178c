package dev.orderflow.jmeter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.orderflow.jmeter.testing.ScriptedServer;

/** The shared watchdog on real sockets: it closes only the socket of an exchange that is late. */
@Timeout(30)
class ResponseWatchdogTest {

    private static SocketChannel connectTo(ScriptedServer server) throws Exception {
        return SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
    }

    private static void awaitClosed(SocketChannel channel, long timeoutMillis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (channel.isOpen() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }

    @Test
    void closesTheSocketOfAnExchangePastItsDeadline() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.stall()); SocketChannel channel = connectTo(server)) {
            ResponseWatchdog.Watch watch = ResponseWatchdog.SHARED.watch(channel);
            long armed = System.nanoTime();
            watch.arm(50);

            awaitClosed(channel, 5000);

            assertThat(channel.isOpen()).isFalse();
            assertThat(System.nanoTime() - armed).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
            assertThat(watch.expired()).isTrue();
            assertThat(watch.disarm()).as("the exchange learns that its deadline passed").isTrue();
        }
    }

    @Test
    void leavesTheSocketOfAnExchangeThatEndedInTimeOpen() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.stall()); SocketChannel channel = connectTo(server)) {
            ResponseWatchdog.Watch watch = ResponseWatchdog.SHARED.watch(channel);
            watch.arm(300);
            assertThat(watch.disarm()).isFalse();

            Thread.sleep(300 + 5 * TimeUnit.NANOSECONDS.toMillis(ResponseWatchdog.TICK_NANOS));

            assertThat(channel.isOpen()).isTrue();
            assertThat(watch.expired()).isFalse();
            watch.cancel();
        }
    }

    @Test
    void neverTimesOutAnExchangeWithoutALimit() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.stall()); SocketChannel channel = connectTo(server)) {
            ResponseWatchdog.Watch watch = ResponseWatchdog.SHARED.watch(channel);
            watch.arm(0);

            Thread.sleep(5 * TimeUnit.NANOSECONDS.toMillis(ResponseWatchdog.TICK_NANOS));

            assertThat(channel.isOpen()).isTrue();
            assertThat(watch.disarm()).isFalse();
            watch.cancel();
        }
    }

    @Test
    void watchesSocketsOpenedAfterAllEarlierOnesClosed() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> c.stall())) {
            for (int round = 0; round < 3; round++) {
                try (SocketChannel channel = connectTo(server)) {
                    ResponseWatchdog.Watch watch = ResponseWatchdog.SHARED.watch(channel);
                    watch.arm(20);

                    awaitClosed(channel, 5000);

                    assertThat(channel.isOpen()).as("round %d", round).isFalse();
                }
                Thread.sleep(3 * TimeUnit.NANOSECONDS.toMillis(ResponseWatchdog.TICK_NANOS)); // the watchdog goes idle
            }
        }
    }
}
