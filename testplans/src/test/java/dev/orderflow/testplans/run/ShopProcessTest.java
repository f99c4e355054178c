package dev.orderflow.testplans.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the shop's start fails; its start itself is exercised by every plan run of the build (RunPlans starts
 * the reference shop this way before the plans run), so it is not started a second time here.
 */
class ShopProcessTest {

    private static final Path ROOT = Path.of(System.getProperty("orderflow.test.root", ".."));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void givesTheShopItsAdminKeyInAFileNotOnItsCommandLine(@TempDir Path dir) {
        assertThat(ShopProcess.command(JAVA, dir.resolve("shop.jar"), dir, dir.resolve("admin.key"), 256, "127.0.0.1"))
                .containsSubsequence("--admin-key-file", dir.resolve("admin.key").toString())
                .doesNotContain("--admin-key");
    }

    @Test
    void saysWhatIsMissingWhenTheJarIsNotBuilt(@TempDir Path dir) {
        assertThatThrownBy(() -> ShopProcess.start(JAVA, dir.resolve("nope.jar"), dir, dir.resolve("admin.key"), 256,
                dir.resolve("log"), Duration.ofSeconds(5)))
                .hasMessageContaining("build the shop first");
    }

    @Test
    void reportsAShopThatExitsBeforeListeningWithItsLog(@TempDir Path dir) throws Exception {
        Path jar = ROOT.resolve("shop/target/orderflow-shop.jar");
        java.nio.file.Files.writeString(dir.resolve("admin.key"), "k"); // the data folder is what is missing
        assertThatThrownBy(() -> ShopProcess.start(JAVA, jar, dir.resolve("no-such-data"), dir.resolve("admin.key"),
                256, dir.resolve("shop.log"), Duration.ofMinutes(1)))
                .hasMessageContaining("did not start").hasMessageContaining("shop.log");
    }
}
