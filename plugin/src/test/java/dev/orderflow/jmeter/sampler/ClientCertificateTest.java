package dev.orderflow.jmeter.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ServerSocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.RecordingListener;
import dev.orderflow.jmeter.testing.ScriptedServer;
import dev.orderflow.jmeter.testing.SelfSignedKeyStore;

/**
 * A shop that requires a client certificate (mutual TLS) gets the one JMeter is given for that: the key store of
 * the javax.net.ssl.keyStore system properties, as JMeter's HTTP Request presents it.
 */
@Timeout(60)
class ClientCertificateTest {

    @TempDir
    static Path folder;
    private static SelfSignedKeyStore shopKeys;
    private static SelfSignedKeyStore loadTesterKeys;

    @BeforeAll
    static void makeTheCertificates() throws Exception {
        shopKeys = SelfSignedKeyStore.create(folder, "shop");
        loadTesterKeys = SelfSignedKeyStore.create(folder, "loadtester");
    }

    /** An https server that asks every client for a certificate and trusts only the load tester's. */
    private static ScriptedServer mutualTlsShop() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(shopKeys.keyStore(), shopKeys.password().toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trustManagersOf(loadTesterKeys), null);
        ServerSocketFactory requiringClientCertificates = new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                return createServerSocket(port, 50, InetAddress.getLoopbackAddress());
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) throws IOException {
                return createServerSocket(port, backlog, InetAddress.getLoopbackAddress());
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
                SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                        .createServerSocket(port, backlog, address);
                socket.setNeedClientAuth(true);
                return socket;
            }
        };
        return new ScriptedServer(requiringClientCertificates, c -> {
            while (c.readRequest() != null) {
                c.answer(200, "<html>hello, load tester</html>", "Content-Type: text/html");
            }
        });
    }

    private static TrustManager[] trustManagersOf(SelfSignedKeyStore store) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store.keyStore());
        return trust.getTrustManagers();
    }

    private static OrderFlowSampleResult page(ScriptedServer server) throws Exception {
        RecordingListener listener = new RecordingListener();
        JMeterEnvironment.run(Plans.plan(Plans.threadGroup(1, 1),
                new TestElement[] {Plans.shopConnection(server.port(), Map.of(ShopConnectionSchema.PROTOCOL, "https",
                        ShopConnectionSchema.ACCEPT_ANY_CERTIFICATE, "true")), listener},
                Plans.named(new PageSampler(), "page")), Duration.ofSeconds(30));
        List<OrderFlowSampleResult> pages = listener.of(FlowStep.PAGE);
        assertThat(pages).hasSize(1);
        return pages.get(0);
    }

    @Test
    void theClientCertificateIsPresentedWhenTheShopRequiresIt() throws Exception {
        System.setProperty("javax.net.ssl.keyStore", loadTesterKeys.path().toString());
        System.setProperty("javax.net.ssl.keyStorePassword", loadTesterKeys.password());
        System.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        try (ScriptedServer server = mutualTlsShop()) {
            OrderFlowSampleResult page = page(server);

            assertThat(page.isSuccessful()).as(page.getResponseMessage()).isTrue();
            assertThat(page.getResponseDataAsString()).isEqualTo("<html>hello, load tester</html>");
        } finally {
            System.clearProperty("javax.net.ssl.keyStore");
            System.clearProperty("javax.net.ssl.keyStorePassword");
            System.clearProperty("javax.net.ssl.keyStoreType");
        }
    }

    @Test
    void withoutAClientCertificateTheShopRefusesTheConnection() throws Exception {
        try (ScriptedServer server = mutualTlsShop()) {
            OrderFlowSampleResult page = page(server);

            assertThat(page.isSuccessful()).isFalse();
            assertThat(page.getResponseCode()).startsWith("Non HTTP response code: ");
        }
    }
}
