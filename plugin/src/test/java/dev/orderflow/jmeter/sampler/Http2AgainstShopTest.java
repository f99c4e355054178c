package dev.orderflow.jmeter.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.summary.AdminStatsClient;
import dev.orderflow.jmeter.summary.ShopStats;
import dev.orderflow.jmeter.summary.ShopTarget;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.RecordingListener;
import dev.orderflow.jmeter.testing.SelfSignedKeyStore;
import dev.orderflow.shop.Shop;
import dev.orderflow.shop.ShopConfig;
import dev.orderflow.shop.http.Listening;

/**
 * The order flow over HTTP/2 against the reference shop served with Jetty's h2 (TLS, ALPN) and h2c: the shop's own
 * count of requests per protocol proves which version carried them.
 */
@Timeout(180)
class Http2AgainstShopTest {

    private static final int USERS = 4;
    private static final String ADMIN_KEY = "h2-admin-key";
    /** Login, products, one or two cart items, order: at least four requests a user. */
    private static final int LEAST_REQUESTS = USERS * 4;

    @TempDir
    static Path folder;
    private static Shop httpsShop;
    private static Shop plainShop;

    @BeforeAll
    static void startTheShops() throws Exception {
        SelfSignedKeyStore keys = SelfSignedKeyStore.create(folder, "shop");
        httpsShop = Shop.start(ShopConfig.builder().port(0).dataDir(JMeterEnvironment.csvData()).adminKey(ADMIN_KEY)
                .listening(new Listening(keys.path(), keys.password(), true)).build());
        plainShop = Shop.start(ShopConfig.builder().port(0).dataDir(JMeterEnvironment.csvData())
                .listening(new Listening(null, null, true)).build());
    }

    @AfterAll
    static void stopTheShops() {
        httpsShop.close();
        plainShop.close();
    }

    private static RecordingListener runOrderFlow(Shop shop, String protocol, String httpVersion) throws Exception {
        RecordingListener listener = new RecordingListener();
        JMeterEnvironment.run(Plans.plan(Plans.threadGroup(USERS, 1),
                new TestElement[] {Plans.shopConnection(shop.port(), Map.of(ShopConnectionSchema.PROTOCOL, protocol,
                        ShopConnectionSchema.ACCEPT_ANY_CERTIFICATE, "true", ShopConnectionSchema.HTTP_VERSION,
                        httpVersion)), listener},
                Plans.named(new LoginSampler(), "login"),
                Plans.named(new ListProductsSampler(), "products"),
                Plans.named(new AddToCartSampler(), "cart"),
                Plans.named(new CreateOrderSampler(), "order")), Duration.ofSeconds(120));
        return listener;
    }

    private static long requests(Shop shop, String protocol) {
        return shop.requestsByProtocol().getOrDefault(protocol, 0L);
    }

    @Test
    void aPlanRunsEndToEndOnH2OverTlsAndTheShopServedItOnHttp2() throws Exception {
        long h2Before = requests(httpsShop, "HTTP/2.0");
        long http11Before = requests(httpsShop, "HTTP/1.1");

        RecordingListener listener = runOrderFlow(httpsShop, "https", "HTTP/2");

        assertThat(listener.of(FlowStep.ORDER)).hasSize(USERS).allMatch(SampleResult::isSuccessful)
                .extracting(SampleResult::getResponseCode).containsOnly("201");
        assertThat(listener.of(FlowStep.LOGIN).get(0).getRequestHeaders())
                .startsWith("POST /api/auth/login HTTP/2.0\n");
        assertThat(requests(httpsShop, "HTTP/2.0") - h2Before).isGreaterThanOrEqualTo(LEAST_REQUESTS);
        assertThat(requests(httpsShop, "HTTP/1.1") - http11Before).isZero();
    }

    @Test
    void theStatisticsClientTalksToTheShopAsTheFlowDoes() throws Exception {
        runOrderFlow(httpsShop, "https", "HTTP/2");
        long h2Before = requests(httpsShop, "HTTP/2.0");

        // the shop's certificate is self-signed: only the flow's "accept any certificate" lets the client in
        ShopStats stats = new AdminStatsClient(Duration.ofSeconds(5))
                .fetch(new ShopTarget(httpsShop.baseUri(), ADMIN_KEY));

        assertThat(stats.stockAddsUp()).isTrue();
        assertThat(requests(httpsShop, "HTTP/2.0") - h2Before).isEqualTo(1);
    }

    @Test
    void automaticLetsAlpnChooseH2WhenTheShopOffersIt() throws Exception {
        long h2Before = requests(httpsShop, "HTTP/2.0");

        RecordingListener listener = runOrderFlow(httpsShop, "https", "auto");

        assertThat(listener.of(FlowStep.ORDER)).hasSize(USERS).allMatch(SampleResult::isSuccessful);
        assertThat(requests(httpsShop, "HTTP/2.0") - h2Before).isGreaterThanOrEqualTo(LEAST_REQUESTS);
    }

    @Test
    void http11OverTlsStaysHttp11AgainstAShopThatOffersH2() throws Exception {
        long http11Before = requests(httpsShop, "HTTP/1.1");
        long h2Before = requests(httpsShop, "HTTP/2.0");

        RecordingListener listener = runOrderFlow(httpsShop, "https", "HTTP/1.1");

        assertThat(listener.of(FlowStep.ORDER)).hasSize(USERS).allMatch(SampleResult::isSuccessful);
        assertThat(requests(httpsShop, "HTTP/1.1") - http11Before).isGreaterThanOrEqualTo(LEAST_REQUESTS);
        assertThat(requests(httpsShop, "HTTP/2.0") - h2Before).isZero();
    }

    @Test
    void http2OnPlainTextIsH2cWithPriorKnowledge() throws Exception {
        long h2Before = requests(plainShop, "HTTP/2.0");

        RecordingListener listener = runOrderFlow(plainShop, "http", "HTTP/2");

        assertThat(listener.of(FlowStep.ORDER)).hasSize(USERS).allMatch(SampleResult::isSuccessful);
        assertThat(requests(plainShop, "HTTP/2.0") - h2Before).isGreaterThanOrEqualTo(LEAST_REQUESTS);
        assertThat(requests(plainShop, "HTTP/1.1")).isZero();
    }
}
