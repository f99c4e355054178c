package dev.orderflow.testplans.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopProcessTest {

    private static final Path ROOT = Path.of(System.getProperty("orderflow.test.root", ".."));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void startsTheReferenceShopsJarOnAFreePortWithTheGivenAdminKeyAndStopsIt(@TempDir Path dir) throws Exception {
        Path jar = ROOT.resolve("shop/target/orderflow-shop.jar");
        assertThat(jar).as("the shop module builds its jar before this module").isRegularFile();
        HttpClient http = HttpClient.newHttpClient();
        ShopProcess shop = ShopProcess.start(JAVA, jar, ROOT.resolve("csv-data"), "test-key",
                dir.resolve("shop.log"), Duration.ofMinutes(1));
        try {
            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(
                            URI.create("http://" + shop.host() + ":" + shop.port() + "/api/admin/stats"))
                    .header("X-Admin-Key", "test-key").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(shop.port()).isPositive();
            assertThat(stats.statusCode()).isEqualTo(200);
            assertThat(stats.body()).contains("\"orders\"");
        } finally {
            shop.close();
        }
        assertThat(ProcessHandle.of(shop.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Files.readString(dir.resolve("shop.log"))).contains("listening on");
    }

    @Test
    void saysWhatIsMissingWhenTheJarIsNotBuilt(@TempDir Path dir) {
        assertThatThrownBy(() -> ShopProcess.start(JAVA, dir.resolve("nope.jar"), dir, "k", dir.resolve("log"),
                Duration.ofSeconds(5)))
                .hasMessageContaining("build the shop first");
    }

    @Test
    void reportsAShopThatExitsBeforeListeningWithItsLog(@TempDir Path dir) throws Exception {
        Path jar = ROOT.resolve("shop/target/orderflow-shop.jar");
        assertThatThrownBy(() -> ShopProcess.start(JAVA, jar, dir.resolve("no-such-data"), "k", dir.resolve("shop.log"),
                Duration.ofMinutes(1)))
                .hasMessageContaining("did not start").hasMessageContaining("shop.log");
    }
}
