package dev.orderflow.jmeter.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testelement.TestElement;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.RecordingListener;
import dev.orderflow.shop.Shop;
import dev.orderflow.shop.ShopConfig;

/**
 * A plan's traffic through a real forward proxy (Jetty's) to the reference shop, which the load machine cannot
 * reach directly: the plan names a port nothing listens on, and only the proxy knows it leads to the shop.
 */
@Timeout(120)
class ProxyTest {

    private static Shop shop;
    private static Server proxy;
    private static int unreachablePort;
    private static final AtomicInteger proxied = new AtomicInteger();

    @BeforeAll
    static void startTheShopAndTheProxy() throws Exception {
        shop = Shop.start(ShopConfig.builder().port(0).dataDir(JMeterEnvironment.csvData()).build());
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            unreachablePort = probe.getLocalPort();
        }
        proxy = new Server();
        ServerConnector connector = new ServerConnector(proxy);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        proxy.addConnector(connector);
        proxy.setHandler(new ProxyHandler.Forward() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                proxied.incrementAndGet();
                return super.handle(request, response, callback);
            }

            @Override
            protected HttpURI rewriteHttpURI(Request request) {
                HttpURI asked = super.rewriteHttpURI(request);
                return asked.getPort() == unreachablePort ? HttpURI.build(asked).port(shop.port()) : asked;
            }
        });
        proxy.start();
    }

    @AfterAll
    static void stopThem() throws Exception {
        proxy.stop();
        shop.close();
    }

    private static int proxyPort() {
        return ((ServerConnector) proxy.getConnectors()[0]).getLocalPort();
    }

    private static RecordingListener runOrderFlow(Map<Setting, String> fields) throws Exception {
        RecordingListener listener = new RecordingListener();
        Map<Setting, String> all = new HashMap<>(fields);
        all.put(ShopConnectionSchema.CONNECT_TIMEOUT, "2000");
        JMeterEnvironment.run(Plans.plan(Plans.threadGroup(2, 1),
                new TestElement[] {Plans.shopConnection(unreachablePort, all), listener},
                Plans.named(new LoginSampler(), "login"),
                Plans.named(new ListProductsSampler(), "products"),
                Plans.named(new AddToCartSampler(), "cart"),
                Plans.named(new CreateOrderSampler(), "order")), Duration.ofSeconds(60));
        return listener;
    }

    @Test
    void theDirectRouteIsRefused() throws Exception {
        RecordingListener listener = runOrderFlow(Map.of());

        assertThat(listener.of(FlowStep.LOGIN)).isNotEmpty().allMatch(s -> !s.isSuccessful())
                .extracting(SampleResult::getResponseCode).containsOnly("Non HTTP response code: connection refused");
    }

    @Test
    void theShopConnectionsProxyFieldCarriesThePlan() throws Exception {
        int before = proxied.get();

        RecordingListener listener = runOrderFlow(Map.of(ShopConnectionSchema.PROXY, "127.0.0.1:" + proxyPort()));

        assertThat(listener.of(FlowStep.ORDER)).hasSize(2).allMatch(SampleResult::isSuccessful);
        assertThat(proxied.get() - before).as("every request went through the proxy").isGreaterThanOrEqualTo(2 * 4);
    }

    @Test
    void jmetersOwnProxySettingsCarryThePlan() throws Exception {
        int before = proxied.get();
        // what JMeter's -H 127.0.0.1 -P port sets
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", Integer.toString(proxyPort()));
        try {
            RecordingListener listener = runOrderFlow(Map.of());

            assertThat(listener.of(FlowStep.ORDER)).hasSize(2).allMatch(SampleResult::isSuccessful);
            assertThat(proxied.get() - before).isGreaterThanOrEqualTo(2 * 4);
        } finally {
            System.clearProperty("http.proxyHost");
            System.clearProperty("http.proxyPort");
        }
    }

    @Test
    void jmetersNonProxyHostsGoDirect() throws Exception {
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", Integer.toString(proxyPort()));
        System.setProperty("http.nonProxyHosts", "localhost|127.*");
        try {
            RecordingListener listener = runOrderFlow(Map.of());

            assertThat(listener.of(FlowStep.LOGIN)).isNotEmpty().allMatch(s -> !s.isSuccessful());
        } finally {
            System.clearProperty("http.proxyHost");
            System.clearProperty("http.proxyPort");
            System.clearProperty("http.nonProxyHosts");
        }
    }
}
