package dev.orderflow.testplans.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run as the build starts it, in its own JVM, with {@code -Dadmin_key} handed over in the environment: the key
 * must be in no file of the run but the owner-only admin.key, which goes with the run, and on no command line.
 */
class RunPlansSecretsTest {

    private static final Path ROOT = Path.of(System.getProperty("orderflow.test.root", "..")).toAbsolutePath();
    private static final Path PLANS =
            Path.of(System.getProperty("orderflow.test.plansDir", "src/test/jmeter")).toAbsolutePath();

    @Test
    void keepsTheAdminKeyOffEveryCommandLineAndRunFileAndRemovesItsFileAtTheEnd(@TempDir Path dir) throws Exception {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String adminKey = "key-" + HexFormat.of().formatHex(random);
        Path runDir = dir.resolve("orderflow-run");
        // no JMeter home: the run sets up (the key file, the JMeter properties), stops there and tears down
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunPlans.class.getName(),
                "--run-dir=" + runDir, "--root=" + ROOT, "--plans-dir=" + PLANS,
                "--config-json=" + dir.resolve("no-config.json"), "--keystore=" + dir.resolve("rmi_keystore.jks"),
                "--jmeter-output=" + dir.resolve("jmeter"), "--reports=" + dir.resolve("reports"), "--plan=test2",
                "--host=127.0.0.1", "--port=9", "--protocol=", "--engines=", "--remote=", "--scale=", "--duration=",
                "--timescale=", "--rmi_host=")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.out").toFile());
        builder.environment().put(RunOptions.BUILD_ADMIN_KEY, adminKey);
        Process run = builder.start();
        if (!run.waitFor(60, TimeUnit.SECONDS)) {
            run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(dir.resolve("run.out"));
        assertThat(run.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("no-config.json is missing: jmeter:configure has not run")
                .contains("0 passed, 0 failed");

        RunLayout layout = RunLayout.of(runDir);
        assertThat(Files.readString(layout.controllerProperties())).contains("admin_key_file=" + layout.adminKeyFile());
        assertThat(layout.adminKeyFile()).as("the key file goes with the run").doesNotExist();
        assertThat(filesHolding(adminKey, dir)).isEmpty();
        // what `ps` shows every user of the machine while a plan runs
        RunDescription description = RunDescription.read(layout.runJson());
        List<String> jmeter = JMeterProcess.command(Path.of("java"), List.of(),
                new JMeterHome(dir, "ApacheJMeter.jar"), PLANS,
                description.plans().get(0), layout, new JMeterProcess.Output(dir.resolve("jmeter")));
        assertThat(String.join(" ", jmeter)).contains("test2.jmx").doesNotContain(adminKey);
    }

    @Test
    void aRunStoppedBeforeItsFirstPlanTearsDownFilesNothingAndSaysWhy(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home").resolve("bin")).getParent();
        Files.writeString(dir.resolve("config.json"), "{\"configurations\":[{\"jmeterDirectoryPath\":\"" + home
                + "\",\"runtimeJarName\":\"ApacheJMeter-5.6.3.jar\"}]}");
        RunInterruption interruption = RunInterruption.byCallOnly();
        RunPlans run = new RunPlans(RunOptions.arguments(new String[] {
                "--run-dir=" + dir.resolve("orderflow-run"), "--root=" + ROOT, "--plans-dir=" + PLANS,
                "--config-json=" + dir.resolve("config.json"), "--keystore=" + dir.resolve("rmi_keystore.jks"),
                "--jmeter-output=" + dir.resolve("jmeter"), "--reports=" + dir.resolve("reports"), "--plan=test2",
                "--host=127.0.0.1", "--port=9", "--admin_key=key-of-the-test"}), interruption);
        interruption.stop("a test stops it");

        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(console, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = run.run();
        } finally {
            System.setOut(out);
        }

        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isEqualTo(1);
        assertThat(printed).contains("0 passed, 0 failed").contains("the run was stopped early: a test stops it")
                .doesNotContain("the run failed").doesNotContain("running test2");
        assertThat(home.resolve("csv-data").resolve("users.csv")).as("the JMeter home was completed").isRegularFile();
        assertThat(dir.resolve("reports")).doesNotExist();
        assertThat(RunLayout.of(dir.resolve("orderflow-run")).adminKeyFile()).doesNotExist();
        assertThat(filesHolding("key-of-the-test", dir)).isEmpty();
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
