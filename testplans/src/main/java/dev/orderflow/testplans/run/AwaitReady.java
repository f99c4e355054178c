package dev.orderflow.testplans.run;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Build step: waits until a background host says it is ready, and fails the build with the host's own
 * message when it says it failed or dies without a word.
 *
 * <p>Usage: {@code AwaitReady <run dir> <host name> [timeout seconds]}.
 */
public final class AwaitReady {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    private AwaitReady() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: AwaitReady <run dir> <host name> [timeout seconds]");
            System.exit(2);
        }
        Duration timeout = args.length > 2 ? Duration.ofSeconds(Long.parseLong(args[2])) : DEFAULT_TIMEOUT;
        Markers markers = new Markers(Path.of(args[0]), args[1]);
        try {
            System.out.println(markers.name() + ": " + await(markers, timeout));
        } catch (IllegalStateException e) {
            System.err.println(markers.name() + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Returns the host's ready message; throws with the reason when it will never be ready. */
    static String await(Markers markers, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        // the host may not have made the folder yet: it was started a moment ago, in parallel
        Files.createDirectories(markers.runDir());
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            markers.runDir().register(watcher,
                    StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (true) {
                Optional<String> ready = markers.readyMessage();
                if (ready.isPresent()) {
                    return ready.get();
                }
                Optional<String> failure = markers.failure();
                if (failure.isPresent()) {
                    throw new IllegalStateException(failure.get());
                }
                requireAlive(markers);
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative()) {
                    throw new IllegalStateException("not ready after " + timeout.toSeconds() + " s");
                }
                // a marker file appearing wakes us; the bounded wait also notices a host that died silently
                var key = watcher.poll(Math.min(left.toMillis(), 1000), TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }

    private static void requireAlive(Markers markers) throws IOException {
        OptionalLong pid = markers.pid();
        if (pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
            return;
        }
        if (pid.isPresent() && markers.readyMessage().isEmpty() && markers.failure().isEmpty()) {
            throw new IllegalStateException("the process " + pid.getAsLong() + " ended before it was ready");
        }
    }
}
