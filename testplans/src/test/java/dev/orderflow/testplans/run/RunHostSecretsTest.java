package dev.orderflow.testplans.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run host as the build starts it, in its own JVM, with {@code -Dadmin_key} handed over in the environment:
 * the key must be in no file of the run but the owner-only admin.key, and on no command line.
 */
class RunHostSecretsTest {

    private static final Path ROOT = Path.of(System.getProperty("orderflow.test.root", "..")).toAbsolutePath();
    private static final Path PLANS =
            Path.of(System.getProperty("orderflow.test.plansDir", "src/test/jmeter")).toAbsolutePath();

    @Test
    void keepsTheAdminKeyInAnOwnerOnlyFileAndOffEveryCommandLineAndRunFile(@TempDir Path dir) throws Exception {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String adminKey = "key-" + HexFormat.of().formatHex(random);
        Path runDir = dir.resolve("orderflow-run");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunHost.class.getName(),
                "--run-dir=" + runDir, "--root=" + ROOT, "--plans-dir=" + PLANS, "--plan=test2",
                "--host=127.0.0.1", "--port=9", "--protocol=", "--engines=", "--remote=", "--scale=", "--duration=",
                "--timescale=", "--rmi_host=")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run-host.out").toFile());
        builder.environment().put(RunOptions.BUILD_ADMIN_KEY, adminKey);
        Process host = builder.start();
        Markers markers = new Markers(runDir, RunHost.NAME);
        try {
            AwaitReady.await(markers, Duration.ofMinutes(1));

            // what `ps` shows every user of the machine
            String commandLine = Files.readString(Path.of("/proc", Long.toString(host.pid()), "cmdline"),
                    StandardCharsets.ISO_8859_1);
            assertThat(commandLine).contains("--plan=test2").doesNotContain(adminKey);
            Path keyFile = RunLayout.of(runDir).adminKeyFile();
            assertThat(Files.readString(keyFile)).isEqualTo(adminKey);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            assertThat(Files.readString(RunLayout.of(runDir).controllerProperties())).contains("admin_key_file=");
            assertThat(filesHolding(adminKey, dir)).containsExactly(keyFile);
        } finally {
            markers.requestStop();
            if (!host.waitFor(30, TimeUnit.SECONDS)) {
                host.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(filesHolding(adminKey, dir)).as("files holding the key once the host stopped")
                .containsExactly(RunLayout.of(runDir).adminKeyFile());
    }

    private static List<Path> filesHolding(String secret, Path dir) throws Exception {
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(secret)) {
                    holding.add(file);
                }
            }
        }
        return holding;
    }
}
