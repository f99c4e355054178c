package dev.orderflow.jmeter.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** The TLS contexts a shop connection can use. */
public final class TlsContexts {

    private TlsContexts() {
    }

    /** The JVM's default: certificates checked against the trust store. */
    public static SSLContext verifying() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no TLS context", e);
        }
    }

    /**
     * Accepts any certificate, for test shops with self-signed ones (what JMeter's own HTTP sampler
     * does always). Traffic is still encrypted; the shop's identity is not checked.
     */
    public static SSLContext acceptingAnyCertificate() {
        return AnyCertificate.CONTEXT;
    }

    /** A context presenting these client keys, trusting any certificate or the JVM's trust store. */
    static SSLContext withKeys(KeyManager[] keys, boolean acceptAny) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, acceptAny ? new TrustManager[] {new TrustingAll()} : null, null);
        return context;
    }

    private static final class AnyCertificate {
        static final SSLContext CONTEXT = create();

        private static SSLContext create() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustingAll()}, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JVM offers no TLS context", e);
            }
        }
    }

    private static final class TrustingAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
