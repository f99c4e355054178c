package dev.orderflow.testplans.run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.rmi.ssl.SslRMIServerSocketFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.Remote;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real RMI registries on 127.0.0.1, bound the way a JMeter server binds its engine: one on SSL with client
 * authentication (JMeter's default), one without SSL (server.rmi.ssl.disable=true).
 */
class EngineReachTest {

    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    /** keytool takes a second or two per keystore: the tests share the run's one and another's. */
    @TempDir
    static Path dir;
    private static Path keystore;
    private static Path another;

    private final List<Registry> registries = new ArrayList<>();
    private final List<Remote> exported = new ArrayList<>();

    @BeforeAll
    static void keystores() throws Exception {
        keystore = RmiKeystore.ensure(dir.resolve("rmi_keystore.jks"), JAVA_HOME).keystore();
        // a keystore's password file lies beside it: the other keystore needs a folder of its own
        another = RmiKeystore.ensure(Files.createDirectories(dir.resolve("other"))
                        .resolve("rmi_keystore.jks"), JAVA_HOME)
                .keystore();
    }

    @AfterEach
    void unexport() throws Exception {
        for (Remote remote : exported) {
            UnicastRemoteObject.unexportObject(remote, true);
        }
        for (Registry registry : registries) {
            UnicastRemoteObject.unexportObject(registry, true);
        }
    }

    private int registry(Path keystore) throws Exception {
        int port = FreePorts.take(1).get(0);
        Registry registry = keystore == null
                ? LocateRegistry.createRegistry(port)
                : LocateRegistry.createRegistry(port, null, new SslRMIServerSocketFactory(
                        EngineReach.sslContext(keystore), null, null, true));
        registries.add(registry);
        Remote engine = new Remote() { };
        exported.add(engine);
        registry.bind(EngineReach.ENGINE_NAME, UnicastRemoteObject.exportObject(engine, 0));
        return port;
    }

    @Test
    void anEngineOnSslIsReachedWithTheRunsKeystoreAndRefusesRmiWithoutSsl() throws Exception {
        int port = registry(keystore);

        assertThat(EngineReach.overSsl("127.0.0.1", port, keystore)).isEmpty();
        assertThat(EngineReach.refusalWithoutSsl("127.0.0.1", port)).startsWith("it speaks only SSL");
    }

    @Test
    void anEngineThatAnswersWithoutSslIsRefused() throws Exception {
        int port = registry(null);

        assertThatThrownBy(() -> EngineReach.refusalWithoutSsl("127.0.0.1", port))
                .hasMessageContaining("127.0.0.1:" + port).hasMessageContaining("answers RMI without SSL");
    }

    @Test
    void anEngineWithAnotherKeystoreFailsTheHandshakeAndSaysSo() throws Exception {
        int port = registry(another);

        assertThat(EngineReach.overSsl("127.0.0.1", port, keystore)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("127.0.0.1:" + port).contains("rmi_keystore.jks is not the controller's"));
    }

    @Test
    void anEngineNotListeningOnTheAddressIsNamedWithTheCause() throws Exception {
        int port = FreePorts.take(1).get(0);

        assertThat(EngineReach.overSsl("127.0.0.1", port, keystore)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("the engine 127.0.0.1:" + port + " could not be reached: connection refused")
                .contains("-Djava.rmi.server.hostname=127.0.0.1"));
    }
}
