package dev.orderflow.testplans.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The files through which a background host ({@link RunHost}, {@link EngineHost}) tells the build steps
 * around it who it is and how it stands: {@code <name>.pid}, then {@code <name>.ready} or {@code <name>.failed};
 * and through which the build asks it to stop: {@code <name>.stop}.
 * Each is written whole to a temporary file and moved into place, so a reader never sees half of one.
 */
final class Markers {

    private final Path runDir;
    private final String name;

    Markers(Path runDir, String name) {
        this.runDir = runDir;
        this.name = name;
    }

    Path runDir() {
        return runDir;
    }

    String name() {
        return name;
    }

    Path pidFile() {
        return runDir.resolve(name + ".pid");
    }

    Path readyFile() {
        return runDir.resolve(name + ".ready");
    }

    Path failedFile() {
        return runDir.resolve(name + ".failed");
    }

    Path stopFile() {
        return runDir.resolve(name + ".stop");
    }

    void clear() throws IOException {
        Files.deleteIfExists(stopFile());
        Files.deleteIfExists(pidFile());
        Files.deleteIfExists(readyFile());
        Files.deleteIfExists(failedFile());
    }

    void writePid() throws IOException {
        writeAtomically(pidFile(), Long.toString(ProcessHandle.current().pid()));
    }

    void ready(String message) throws IOException {
        writeAtomically(readyFile(), message);
    }

    void failed(String message) throws IOException {
        writeAtomically(failedFile(), message);
    }

    /** Asks the host to stop: it closes what it started and exits 0. */
    void requestStop() throws IOException {
        writeAtomically(stopFile(), "stop");
    }

    /**
     * Asks this host to stop when {@code owner} ends: a host outliving the build that started it (Maven killed
     * with SIGKILL, its shutdown hook never run) would keep the shop and the engines up forever.
     */
    void stopWhenEnded(ProcessHandle owner) {
        owner.onExit().thenRun(() -> {
            try {
                requestStop();
            } catch (IOException e) {
                System.err.println(name + ": cannot ask itself to stop after its build ended: " + e);
            }
        });
    }

    /** Blocks until {@link #requestStop()} is called for this host. */
    void awaitStopRequest() throws IOException, InterruptedException {
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            runDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (!Files.exists(stopFile())) {
                WatchKey key = watcher.take();
                key.pollEvents();
                key.reset();
            }
        }
    }

    OptionalLong pid() throws IOException {
        return Files.exists(pidFile())
                ? OptionalLong.of(Long.parseLong(Files.readString(pidFile()).trim()))
                : OptionalLong.empty();
    }

    Optional<String> readyMessage() throws IOException {
        return read(readyFile());
    }

    Optional<String> failure() throws IOException {
        return read(failedFile());
    }

    private static Optional<String> read(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    }

    static void writeAtomically(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
