package dev.orderflow.testplans.run;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.registry.LocateRegistry;
import java.rmi.server.RMIClientSocketFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Optional;

/**
 * Asks a JMeter engine's RMI registry, from the controller's side, whether the engine can be reached: over
 * SSL with the run's keystore, as the controller will, and without SSL, which an engine must refuse. Every
 * answer is a sentence for the console that says why, where JMeter itself only logs a stack trace and ends
 * the controller with "exit code 1".
 */
final class EngineReach {

    /** The name JMeter's server binds its engine under in its registry. */
    static final String ENGINE_NAME = "JMeterEngine";
    private static final int CONNECT_TIMEOUT_MS = 3_000;
    private static final int READ_TIMEOUT_MS = 5_000;

    private EngineReach() {
    }

    /** Empty when the engine at {@code host:port} answers over SSL with its engine bound; else why not. */
    static Optional<String> overSsl(String host, int port, Path keystore) {
        SSLContext ssl;
        try {
            ssl = sslContext(keystore);
        } catch (IOException | GeneralSecurityException e) {
            return Optional.of("the RMI keystore " + keystore + " cannot be read: " + e.getMessage());
        }
        return lookUp(host, port, new TimedSockets(ssl));
    }

    /**
     * Why the engine at {@code host:port} refused RMI without SSL.
     *
     * @throws IllegalStateException when it answered: its RMI runs without SSL (server.rmi.ssl.disable)
     */
    static String refusalWithoutSsl(String host, int port) {
        return lookUp(host, port, new TimedSockets(null)).map(refusal -> refusal.contains("non-JRMP server")
                ? "it speaks only SSL (to plain RMI it is a \"non-JRMP server\")"
                : refusal).orElseThrow(() -> new IllegalStateException(
                "the engine " + host + ":" + port + " answers RMI without SSL: anyone who reaches its port can "
                        + "run code on it; start it without server.rmi.ssl.disable"));
    }

    private static Optional<String> lookUp(String host, int port, RMIClientSocketFactory sockets) {
        String engine = "the engine " + host + ":" + port;
        try {
            String[] bound = LocateRegistry.getRegistry(host, port, sockets).list();
            if (Arrays.asList(bound).contains(ENGINE_NAME)) {
                return Optional.empty();
            }
            return Optional.of(engine + " answers, but its RMI registry holds no JMeter engine (it holds "
                    + Arrays.toString(bound) + "): is a JMeter server (-s) listening on that port?");
        } catch (Exception e) {
            return Optional.of(engine + " could not be reached: " + reason(e, host));
        }
    }

    /** The cause a person can act on, from the innermost exception RMI wrapped it in. */
    static String reason(Throwable failure, String host) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof SSLHandshakeException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof UnknownHostException) {
            return "its host name " + host + " does not resolve";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to " + host;
        }
        if (cause instanceof ConnectException) {
            return "connection refused: nothing listens there (is the engine started, and with "
                    + "-Djava.rmi.server.hostname=" + host + "? an engine listens only on that address)";
        }
        if (cause instanceof SocketTimeoutException) {
            return "no answer within " + READ_TIMEOUT_MS / 1000 + " s (a firewall dropping the port, or a "
                    + "wrong address)";
        }
        if (cause instanceof SSLHandshakeException) {
            return "the SSL handshake failed (" + cause.getMessage() + "): the engine's rmi_keystore.jks is not "
                    + "the controller's, or the engine runs without SSL";
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    static SSLContext sslContext(Path keystore) throws IOException, GeneralSecurityException {
        char[] password = RmiKeystore.passwordOf(keystore).toCharArray();
        KeyStore store = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    /** Sockets with a connect and a read timeout, so that an engine that never answers cannot hold the run. */
    private record TimedSockets(SSLContext ssl) implements RMIClientSocketFactory {
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
                socket.setSoTimeout(READ_TIMEOUT_MS);
                if (ssl == null) {
                    return socket;
                }
                SSLSocket tls = (SSLSocket) ssl.getSocketFactory().createSocket(socket, host, port, true);
                tls.startHandshake();
                return tls;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }
    }
}
