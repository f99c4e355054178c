package dev.orderflow.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.shop.cli.ShopOptions;
import dev.orderflow.shop.cli.UsageException;
import dev.orderflow.shop.testing.RawConnection;
import dev.orderflow.shop.testing.ShopClient;
import dev.orderflow.shop.testing.TestData;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShopMainTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ShopMain.Launch launch(String... args) {
        return ShopMain.launch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** ShopMain in a JVM of its own, on this test's class path. */
    private static ProcessBuilder shopMainProcess(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ShopMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryOptionAndStartsNothing() {
        ShopMain.Launch launch = launch("--help");
        assertThat(launch.shop()).isNull();
        assertThat(launch.status()).isZero();
        assertThat(out()).contains("--port", "--bind", "--data", "--admin-key", "--jdbc-url", "--threads",
                "--header-timeout-ms", "--max-connections-per-address", "--help");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "--nope|unknown option --nope",
            "--port|--port needs a value",
            "--port x|--port must be a whole number, not 'x'",
            "--port 70000|--port must be from 0 to 65535, not 70000",
            "--port=-1|--port must be from 0 to 65535, not -1",
            "--threads 3|--threads must be from 16 to 10000, not 3",
            "--data=|--data must not be empty",
            "--header-timeout-ms 0|--header-timeout-ms must be from 1 to 3600000, not 0",
            "--header-timeout-ms 2s|--header-timeout-ms must be a whole number, not '2s'",
            "--max-connections-per-address 0|--max-connections-per-address must be from 1 to 1000000, not 0",
            "--jdbc-url mysql://x|--jdbc-url must start with jdbc:",
            "--port 1 --port 2|--port is given twice",
            "--help=yes|--help takes no value",
            "stray|unexpected argument 'stray'"})
    void aBadCommandLineIsRefusedWithAClearMessage(String args, String message) {
        ShopMain.Launch launch = launch(args.split(" "));
        assertThat(launch.shop()).isNull();
        assertThat(launch.status()).isEqualTo(2);
        assertThat(err()).contains(message).contains("--help");
        assertThat(out()).isEmpty();
    }

    @Test
    void theDefencesDefaultToTenSecondsForAHeadAnd256ConnectionsPerAddress() throws UsageException {
        ShopConfig config = ShopOptions.parse(new String[0]).config();
        assertThat(config.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxConnectionsPerAddress()).isEqualTo(256);
        assertThat(ShopOptions.parse(new String[] {"--header-timeout-ms", "750"}).config().headerTimeout())
                .isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void aShopStartedWithACapOfOneConnectionPerAddressClosesASecond() throws IOException {
        TestData.write(tmp, 3, List.of("1,Lamp,1.00,5"));
        try (Shop shop = launch("--port", "0", "--data", tmp.toString(), "--max-connections-per-address", "1").shop();
             RawConnection first = new RawConnection(shop.port())) {
            assertThat(first.exchange(RawConnection.get("/health"), 10_000)).isEqualTo(200);
            try (RawConnection second = new RawConnection(shop.port())) {
                assertThat(second.awaitClosed(5_000)).isTrue();
            }
            assertThat(first.exchange(RawConnection.get("/health"), 10_000)).isEqualTo(200);
        }
    }

    @Test
    void aMalformedDataFileIsRefusedNamingFileAndLine() throws IOException {
        TestData.write(tmp, 3, List.of("1,Lamp,1.00,5", "2,Mug,cheap,5"));
        ShopMain.Launch launch = launch("--port", "0", "--data", tmp.toString());
        assertThat(launch.shop()).isNull();
        assertThat(launch.status()).isEqualTo(1);
        assertThat(err()).contains("products.csv line 3").contains("price 'cheap'");
        assertThat(out()).isEmpty();
    }

    @Test
    void aMissingDataFileIsRefusedNamingIt() throws IOException {
        TestData.write(tmp, 3, List.of("1,Lamp,1.00,5"));
        Files.delete(tmp.resolve("users.csv"));
        ShopMain.Launch launch = launch("--port", "0", "--data", tmp.toString());
        assertThat(launch.status()).isEqualTo(1);
        assertThat(err()).contains("users.csv").contains("does not exist");
    }

    @Test
    void aPortInUseIsRefusedWithAMessage() {
        TestData.write(tmp, 3, List.of("1,Lamp,1.00,5"));
        try (Shop first = Shop.start(ShopConfig.builder().port(0).dataDir(tmp).build())) {
            ShopMain.Launch launch = launch("--port", String.valueOf(first.port()), "--data", tmp.toString());
            assertThat(launch.shop()).isNull();
            assertThat(launch.status()).isEqualTo(1);
            assertThat(err()).contains("cannot listen on 127.0.0.1:" + first.port());
        }
    }

    @Test
    void anUnreachableDatabaseIsRefusedWithAMessage() {
        TestData.write(tmp, 3, List.of("1,Lamp,1.00,5"));
        ShopMain.Launch launch = launch("--port", "0", "--data", tmp.toString(), "--jdbc-url",
                "jdbc:nosuchdb://nowhere");
        assertThat(launch.status()).isEqualTo(1);
        assertThat(err()).contains("cannot open the database");
    }

    @Test
    void startsPrintingExactlyTheListeningLineAndAGeneratedAdminKeyOnStandardError() {
        TestData data = TestData.write(tmp, 3, List.of("1,Lamp,1.00,5"));
        ShopMain.Launch launch = launch("--port", "0", "--data", tmp.toString(), "--threads", "32");
        try (Shop shop = launch.shop()) {
            assertThat(out()).isEqualTo("listening on http://127.0.0.1:" + shop.port() + System.lineSeparator());
            assertThat(err()).contains(shop.adminKey()).doesNotContain(data.password(0));
            ShopClient client = new ShopClient(shop.baseUri());
            assertThat(client.get("/api/admin/stats", "X-Admin-Key", shop.adminKey()).status()).isEqualTo(200);
        }
    }

    @Test
    void aGivenAdminKeyIsUsedAndNotPrinted() {
        TestData.write(tmp, 3, List.of("1,Lamp,1.00,5"));
        try (Shop shop = launch("--port=0", "--data=" + tmp, "--admin-key", "s3cret-key").shop()) {
            assertThat(shop.adminKey()).isEqualTo("s3cret-key");
            assertThat(out() + err()).doesNotContain("s3cret-key");
        }
    }

    @Test
    void anAdminKeyFileKeepsTheKeyOffTheCommandLineAndOutOfTheOutput() throws Exception {
        TestData.write(tmp, 3, List.of("1,Lamp,1.00,5"));
        java.nio.file.Path keyFile = java.nio.file.Files.writeString(tmp.resolve("admin.key"), "f1le-key\n");
        try (Shop shop = launch("--port=0", "--data=" + tmp, "--admin-key-file", keyFile.toString()).shop()) {
            assertThat(shop.adminKey()).isEqualTo("f1le-key");
            assertThat(out() + err()).doesNotContain("f1le-key");
            ShopClient client = new ShopClient(shop.baseUri());
            assertThat(client.get("/api/admin/stats", "X-Admin-Key", "f1le-key").status()).isEqualTo(200);
        }
    }

    @Test
    void anAdminKeyFileThatCannotBeUsedIsRefused() throws Exception {
        java.nio.file.Path empty = java.nio.file.Files.writeString(tmp.resolve("empty.key"), " \n");
        assertThat(launch("--admin-key-file", tmp.resolve("missing.key").toString()).status()).isEqualTo(2);
        assertThat(err()).contains("--admin-key-file " + tmp.resolve("missing.key") + " cannot be read");
        assertThat(launch("--admin-key-file", empty.toString()).status()).isEqualTo(2);
        assertThat(err()).contains("is empty");
        assertThat(launch("--admin-key", "k", "--admin-key-file", empty.toString()).status()).isEqualTo(2);
        assertThat(err()).contains("not both");
    }

    @Test
    void bindingAllAddressesStillGivesALoopbackBaseUri() {
        TestData.write(tmp, 3, List.of("1,Lamp,1.00,5"));
        try (Shop shop = launch("--port", "0", "--bind", "0.0.0.0", "--data", tmp.toString()).shop()) {
            assertThat(shop.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + shop.port()));
            assertThat(new ShopClient(shop.baseUri()).get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theMainProcessServesUntilSigtermAndThenEndsCleanly() throws Exception {
        TestData.write(tmp, 3, List.of("1,Lamp,1.00,5"));
        Process process = shopMainProcess("--port", "0", "--data", tmp.toString(), "--admin-key", "k")
                .redirectError(tmp.resolve("stderr.txt").toFile())
                .start();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = stdout.readLine();
            assertThat(line).matches("listening on http://127\\.0\\.0\\.1:\\d+");
            ShopClient client = new ShopClient(URI.create(line.substring("listening on ".length())));
            assertThat(client.get("/health").status()).isEqualTo(200);

            process.destroy(); // SIGTERM; the shutdown hook stops Jetty and the database
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isIn(0, 143);
        } finally {
            process.destroyForcibly();
        }
        assertThat(Files.readString(tmp.resolve("stderr.txt"))).doesNotContain("Exception", "ERROR");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theMainProcessExitsNonZeroOnABadDataFile() throws Exception {
        TestData.write(tmp, 3, List.of("1,Lamp,1.00,-5"));
        Process process = shopMainProcess("--port", "0", "--data", tmp.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("products.csv line 2").contains("stock -5");
    }
}
