package dev.orderflow.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.shop.data.DataFileException;
import dev.orderflow.shop.testing.ShopClient;
import dev.orderflow.shop.testing.TestData;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopLifecycleTest {

    @TempDir
    Path tmp;

    @Test
    void startsOnAFreePortAndCloseStopsListening() {
        TestData.write(tmp, 2, List.of("1,Lamp,1.00,5"));
        Shop shop = Shop.start(ShopConfig.builder().port(0).dataDir(tmp).adminKey("k").build());
        int port = shop.port();
        assertThat(port).isPositive();
        assertThat(shop.baseUri().toString()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(shop.adminKey()).isEqualTo("k");
        assertThat(new ShopClient(shop.baseUri()).get("/health").status()).isEqualTo(200);

        shop.close();
        shop.close();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }

    @Test
    void withoutAnAdminKeyARandomOneIsMadePerShop() {
        TestData.write(tmp, 2, List.of("1,Lamp,1.00,5"));
        try (Shop a = Shop.start(ShopConfig.builder().dataDir(tmp).build());
             Shop b = Shop.start(ShopConfig.builder().dataDir(tmp).build())) {
            assertThat(a.adminKey()).hasSizeGreaterThanOrEqualTo(22).isNotEqualTo(b.adminKey());
            assertThat(a.port()).isNotEqualTo(b.port());
        }
    }

    @Test
    void twoShopsInOneJvmHaveTheirOwnDatabases() {
        TestData data = TestData.write(tmp, 2, List.of("1,Lamp,1.00,5"));
        try (Shop a = Shop.start(ShopConfig.builder().dataDir(tmp).adminKey("k").build());
             Shop b = Shop.start(ShopConfig.builder().dataDir(tmp).adminKey("k").build())) {
            ShopClient ca = new ShopClient(a.baseUri());
            String token = ca.login("load_test_user_0", data.password(0));
            ca.post("/api/cart/items", "{\"product_id\":1,\"quantity\":2}", ShopClient.token(token));
            assertThat(ca.post("/api/orders", "{}", ShopClient.token(token)).status()).isEqualTo(201);
            assertThat(ca.get("/api/admin/stats", "X-Admin-Key", "k").json().get("orders").asInt()).isEqualTo(1);
            assertThat(new ShopClient(b.baseUri()).get("/api/admin/stats", "X-Admin-Key", "k").json().get("orders")
                    .asInt()).isZero();
        }
    }

    @Test
    void aBadDataDirectoryFailsTheStartWithTheFileNamed() {
        assertThatThrownBy(() -> Shop.start(ShopConfig.builder().dataDir(tmp).build()))
                .isInstanceOf(DataFileException.class).hasMessageContaining("users.csv");
    }

    @Test
    void theBuilderRefusesNonsense() {
        assertThatThrownBy(() -> ShopConfig.builder().port(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShopConfig.builder().port(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShopConfig.builder().adminKey(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShopConfig.builder().maxThreads(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShopConfig.builder().headerTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("headerTimeout");
        assertThatThrownBy(() -> ShopConfig.builder().maxConnectionsPerAddress(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnectionsPerAddress");
        assertThat(ShopConfig.builder().jdbcUrl("jdbc:h2:mem:x").build().toString()).doesNotContain("jdbc:h2");
    }

    @Test
    void aGivenJdbcUrlIsUsedAndItsTablesAreCreatedThere() {
        TestData.write(tmp, 2, List.of("1,Lamp,1.00,5"));
        String url = "jdbc:h2:" + tmp.resolve("shopdb").toAbsolutePath();
        try (Shop shop = Shop.start(ShopConfig.builder().dataDir(tmp).adminKey("k").jdbcUrl(url).build())) {
            assertThat(new ShopClient(shop.baseUri()).get("/api/admin/stats", "X-Admin-Key", "k").json().get("users")
                    .asInt()).isEqualTo(2);
        }
        assertThat(tmp.resolve("shopdb.mv.db")).exists();
        // a second start on the same database starts from the seed again
        try (Shop shop = Shop.start(ShopConfig.builder().dataDir(tmp).adminKey("k").jdbcUrl(url).build())) {
            assertThat(new ShopClient(shop.baseUri()).get("/api/products").json().get("products")).hasSize(1);
        }
    }
}
