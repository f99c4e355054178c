package dev.orderflow.testplans.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwaitReadyTest {

    @Test
    void returnsTheHostsMessageOnceItSaysReady(@TempDir Path dir) throws Exception {
        Markers host = new Markers(Files.createDirectories(dir.resolve("run")), "host");
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return AwaitReady.await(new Markers(dir.resolve("run"), "host"), Duration.ofSeconds(30));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        host.writePid();
        host.ready("shop on 127.0.0.1:1234");

        assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo("shop on 127.0.0.1:1234");
    }

    @Test
    void failsWithTheHostsOwnMessage(@TempDir Path dir) throws Exception {
        Markers host = new Markers(dir, "host");
        host.writePid();
        host.failed("the reference shop did not start");

        assertThatThrownBy(() -> AwaitReady.await(host, Duration.ofSeconds(5)))
                .hasMessage("the reference shop did not start");
    }

    @Test
    void failsWhenTheHostDiedWithoutAWord(@TempDir Path dir) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve("host.pid"), Long.toString(gone.pid()));

        assertThatThrownBy(() -> AwaitReady.await(new Markers(dir, "host"), Duration.ofSeconds(5)))
                .hasMessageContaining("ended before it was ready");
    }

    @Test
    void givesUpAfterTheTimeout(@TempDir Path dir) throws Exception {
        Markers host = new Markers(dir, "host");
        host.writePid();

        assertThatThrownBy(() -> AwaitReady.await(host, Duration.ofMillis(300)))
                .hasMessageContaining("not ready after");
    }

    @Test
    void aStopRequestWakesTheHostAndClearingForgetsTheLastRun(@TempDir Path dir) throws Exception {
        Markers host = new Markers(dir, "host");
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            try {
                host.awaitStopRequest();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        new Markers(dir, "host").requestStop();
        stopped.get(30, TimeUnit.SECONDS);

        host.writePid();
        host.ready("up");
        host.clear();
        assertThat(host.pid()).isEmpty();
        assertThat(host.readyMessage()).isEmpty();
        assertThat(Files.exists(host.stopFile())).isFalse();
    }
}
