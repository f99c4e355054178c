package dev.orderflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orderflow.shop.Shop;
import dev.orderflow.shop.ShopConfig;

/**
 * The archive a JMeter user downloads, unpacked with tar and installed with its install.sh into a JMeter 5.6.3
 * home that has never seen orderflow; then a plan runs the way JMeter's user guide runs one,
 * {@code jmeter -n -t plan.jmx} (bin/jmeter is {@code java -jar bin/ApacheJMeter.jar}), from another folder,
 * against the reference shop on a free port.
 */
class InstallIntoJMeterTest {

    private static final String ADMIN_KEY = "install-test-admin-key";
    private static final Duration JMETER_BOUND = Duration.ofMinutes(3);

    private static Shop shop;

    @TempDir
    Path work;

    @BeforeAll
    static void startShop() {
        shop = Shop.start(ShopConfig.builder().port(0).dataDir(root().resolve("csv-data")).adminKey(ADMIN_KEY).build());
    }

    @AfterAll
    static void stopShop() {
        shop.close();
    }

    @Test
    void theArchiveHoldsThePluginThePlansTheDataTheReadmeAndItsInstallCommand() throws Exception {
        Path unpacked = unpack();

        assertThat(unpacked.resolve("lib/ext/orderflow-jmeter-plugin-" + version() + ".jar")).isRegularFile();
        try (Stream<Path> plans = Files.list(unpacked.resolve("plans"));
                Stream<Path> shipped = Files.list(Path.of("..", "testplans", "src", "test", "jmeter"))) {
            assertThat(plans.map(p -> p.getFileName().toString())).contains("test3.jmx", "stepped.jmx")
                    .containsExactlyInAnyOrderElementsOf(shipped.map(p -> p.getFileName().toString()).toList());
        }
        assertThat(unpacked.resolve("csv-data/users.csv")).isRegularFile();
        assertThat(unpacked.resolve("csv-data/products.csv")).isRegularFile();
        assertThat(unpacked.resolve("README.md")).isRegularFile();
        assertThat(unpacked.resolve("plugins-manager/orderflow-jmeter-plugin.json")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(unpacked.resolve("install.sh")))
                .contains(PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void installedIntoAFreshJMeterAPlanRunsWithPlainJMeterAndPassesAtTheScaleItIsGiven() throws Exception {
        Path home = freshJMeterHome();
        Path unpacked = unpack();

        Result first = run(work, Map.of(), unpacked.resolve("install.sh").toString(), home.toString());
        Result again = run(work, Map.of(), unpacked.resolve("install.sh").toString(), home.toString());

        assertThat(first.status()).as(first.output()).isZero();
        assertThat(again.status()).as("installing again replaces: %s", again.output()).isZero();
        assertThat(home.resolve("lib/ext/orderflow-jmeter-plugin-" + version() + ".jar")).isRegularFile();
        assertThat(home.resolve("orderflow/plans/test3.jmx")).isRegularFile();
        assertThat(home.resolve("orderflow/README.md")).isRegularFile();
        assertThat(home.resolve("csv-data/users.csv")).isRegularFile();
        List<String> userProperties = Files.readAllLines(home.resolve("bin/user.properties"), StandardCharsets.UTF_8);
        assertThat(userProperties.stream().filter(line -> line.startsWith("users_csv=")))
                .as("one entry after two installs")
                .containsExactly("users_csv=" + home.toRealPath().resolve("csv-data/users.csv"));

        // from another folder than the plans' or bin/, as a person would: the users come from user.properties
        Path runDir = Files.createDirectories(work.resolve("run"));
        Path summaries = runDir.resolve("summary");
        Result jmeter = run(runDir, Map.of("ORDERFLOW_ADMIN_KEY", ADMIN_KEY),
                java(), "-jar", home.resolve("bin/ApacheJMeter.jar").toString(),
                "-n", "-t", home.resolve("orderflow/plans/test3.jmx").toString(),
                "-l", runDir.resolve("results.csv").toString(), "-j", runDir.resolve("jmeter.log").toString(),
                "-Jport=" + shop.port(), "-Jscale=0.1", "-Jbaseline_ms=0", "-Jlive_view_port=off",
                "-Jsummary_dir=" + summaries);

        assertThat(jmeter.status()).as(jmeter.output()).isZero();
        JsonNode summary = new ObjectMapper().readTree(summaries.resolve("test3/summary.json").toFile());
        assertThat(summary.path("verdict").asText()).as(jmeter.output()).isEqualTo("pass");
        // test3's 100 users at spawn rate 100/s, at -Jscale=0.1: the thread group's numbers, as the summary took them
        assertThat(summary.path("users").asInt()).isEqualTo(10);
        assertThat(summary.path("spawn_rate").asDouble()).isEqualTo(10.0);
        assertThat(summary.path("orders_created").asLong()).isEqualTo(10);
        assertThat(summary.path("shop").path("orders_delta").asLong()).as("the shop's own count").isEqualTo(10);
        String log = Files.readString(runDir.resolve("jmeter.log"), StandardCharsets.UTF_8);
        assertThat(log).as("JMeter-Skip-Class-Scanning: JMeter does not scan the plugin jar for its services")
                .doesNotContainPattern("Will scan jar .*orderflow-jmeter-plugin");
        assertThat(log + jmeter.output()).doesNotContain(ADMIN_KEY);
    }

    @Test
    void installRefusesAFolderThatIsNoJMeterHome() throws Exception {
        Path unpacked = unpack();
        Path notJMeter = Files.createDirectories(work.resolve("not-jmeter"));

        Result result = run(work, Map.of(), unpacked.resolve("install.sh").toString(), notJMeter.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.output()).contains("is not a JMeter home: it has no bin/jmeter.properties");
        try (Stream<Path> left = Files.list(notJMeter)) {
            assertThat(left).as("nothing written").isEmpty();
        }
    }

    private Path unpack() throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("orderflow.test.distribution"));
        assertThat(archive).as("the build makes it in the package phase").isRegularFile();
        Path into = Files.createDirectories(work.resolve("unpacked"));
        Result tar = run(work, Map.of(), "tar", "-xzf", archive.toString(), "-C", into.toString());
        assertThat(tar.status()).as(tar.output()).isZero();
        return into.resolve("orderflow-" + version());
    }

    /** A copy of the JMeter 5.6.3 home the build assembled from JMeter's artifacts, for this test alone. */
    private Path freshJMeterHome() throws IOException {
        Path template = Path.of(System.getProperty("orderflow.test.freshJMeter"));
        assertThat(template.resolve("bin/ApacheJMeter.jar")).isRegularFile();
        Path home = work.resolve("apache-jmeter-5.6.3");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = home.resolve(template.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(home.resolve("lib/junit")); // JMeter's launcher lists it
        try (Stream<Path> ext = Files.list(home.resolve("lib/ext"))) {
            assertThat(ext.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("orderflow"));
        }
        return home;
    }

    private record Result(int status, String output) {
    }

    private static Result run(Path dir, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path output = Files.createTempFile(dir, "process-", ".out");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(JMETER_BOUND.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not end within " + JMETER_BOUND + ":\n"
                    + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String version() {
        return System.getProperty("orderflow.test.version");
    }

    private static Path root() {
        return Path.of(System.getProperty("orderflow.test.root", ".."));
    }
}
