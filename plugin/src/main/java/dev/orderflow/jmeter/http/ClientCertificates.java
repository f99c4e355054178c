package dev.orderflow.jmeter.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The client certificate a shop connection presents when the shop asks for one (mutual TLS): the key store JMeter
 * itself is given for that, through the {@code javax.net.ssl.keyStore}, {@code javax.net.ssl.keyStorePassword} and
 * {@code javax.net.ssl.keyStoreType} system properties (system.properties or -D, as JMeter's Keystore Configuration
 * expects). One TLS context per key store and trust choice for the whole JVM, so users keep sharing one client.
 */
public final class ClientCertificates {

    private static final Map<String, SSLContext> CONTEXTS = new ConcurrentHashMap<>();

    private ClientCertificates() {
    }

    /**
     * The TLS context for a shop connection: the trust choice given, with the client key store's keys when one is
     * configured.
     *
     * @throws IllegalStateException naming the key store when it cannot be read
     */
    public static SSLContext context(boolean acceptAnyCertificate) {
        String store = System.getProperty("javax.net.ssl.keyStore", "").trim();
        if (store.isEmpty() || store.equalsIgnoreCase("NONE")) {
            return acceptAnyCertificate ? TlsContexts.acceptingAnyCertificate() : TlsContexts.verifying();
        }
        String password = System.getProperty("javax.net.ssl.keyStorePassword", "");
        String type = System.getProperty("javax.net.ssl.keyStoreType", KeyStore.getDefaultType());
        String key = store + '\n' + type + '\n' + password.hashCode() + '\n' + acceptAnyCertificate;
        return CONTEXTS.computeIfAbsent(key,
                k -> load(Path.of(store), password.toCharArray(), type, acceptAnyCertificate));
    }

    private static SSLContext load(Path store, char[] password, String type, boolean acceptAny) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance(type);
            keys.load(in, password);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password);
            KeyManager[] keyManagers = factory.getKeyManagers();
            return TlsContexts.withKeys(keyManagers, acceptAny);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the client key store " + store
                    + " (javax.net.ssl.keyStore) cannot be read: " + e.getMessage(), e);
        }
    }
}
