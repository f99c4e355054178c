package dev.orderflow.shop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import dev.orderflow.shop.http.Listening;

/**
 * How to start a {@link Shop}: built with {@link #builder()}. Defaults: any free port on 127.0.0.1,
 * the data in {@code csv-data}, a random admin key, a private in-memory H2 database, 200 threads, tokens
 * that never expire, 10 s for a request head, 256 open connections per client address.
 */
public final class ShopConfig {

    public static final int DEFAULT_MAX_THREADS = 200;
    /** As long as Apache's mod_reqtimeout first allows for a head; a real client sends one at once. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Plenty for the browsers behind one address (six connections each) and a proxy or two; a load test
     * that runs its users from one machine needs its number of users or more (the build passes that).
     */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 256;

    private final int port;
    private final String bind;
    private final Path dataDir;
    private final String adminKey;
    private final String jdbcUrl;
    private final int maxThreads;
    private final Duration tokenTtl;
    private final Duration headerTimeout;
    private final int maxConnectionsPerAddress;
    private final Listening listening;

    private ShopConfig(Builder b) {
        this.port = b.port;
        this.bind = b.bind;
        this.dataDir = b.dataDir;
        this.adminKey = b.adminKey;
        this.jdbcUrl = b.jdbcUrl;
        this.maxThreads = b.maxThreads;
        this.tokenTtl = b.tokenTtl;
        this.headerTimeout = b.headerTimeout;
        this.maxConnectionsPerAddress = b.maxConnectionsPerAddress;
        this.listening = b.listening;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    public String bind() {
        return bind;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The admin key, or null for a random one. */
    public String adminKey() {
        return adminKey;
    }

    /** The JDBC URL, or null for a private in-memory H2 database. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public int maxThreads() {
        return maxThreads;
    }

    /** How long a login token is accepted, or null for ever. */
    public Duration tokenTtl() {
        return tokenTtl;
    }

    /** How long a client has to send a complete request head (request line and headers). */
    public Duration headerTimeout() {
        return headerTimeout;
    }

    public int maxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    /** Plain HTTP or TLS, with or without HTTP/2. */
    public Listening listening() {
        return listening;
    }

    @Override
    public String toString() {
        return "ShopConfig[port=" + port + ", bind=" + bind + ", dataDir=" + dataDir
                + ", jdbcUrl=" + (jdbcUrl == null ? "in-memory H2" : "given") + ", maxThreads=" + maxThreads
                + (tokenTtl == null ? "" : ", tokenTtl=" + tokenTtl)
                + ", headerTimeout=" + headerTimeout.toMillis() + " ms"
                + ", maxConnectionsPerAddress=" + maxConnectionsPerAddress + ", " + listening + "]";
    }

    public static final class Builder {
        private int port;
        private String bind = "127.0.0.1";
        private Path dataDir = Path.of("csv-data");
        private String adminKey;
        private String jdbcUrl;
        private int maxThreads = DEFAULT_MAX_THREADS;
        private Duration tokenTtl;
        private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
        private int maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
        private Listening listening = Listening.PLAIN;

        private Builder() {
        }

        /** The TCP port; 0 picks a free one ({@link Shop#port()} tells which). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        public Builder bind(String bind) {
            this.bind = Objects.requireNonNull(bind, "bind");
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        public Builder adminKey(String adminKey) {
            if (adminKey != null && adminKey.isBlank()) {
                throw new IllegalArgumentException("adminKey must not be blank");
            }
            this.adminKey = adminKey;
            return this;
        }

        public Builder jdbcUrl(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        /** Most request threads Jetty may run at once; at least 16. */
        public Builder maxThreads(int maxThreads) {
            if (maxThreads < 16) {
                throw new IllegalArgumentException("maxThreads must be at least 16, not " + maxThreads);
            }
            this.maxThreads = maxThreads;
            return this;
        }

        /** How long a login token is accepted; afterwards it is answered 401 like an expired JWT. Null: for ever. */
        public Builder tokenTtl(Duration tokenTtl) {
            if (tokenTtl != null && (tokenTtl.isNegative() || tokenTtl.isZero())) {
                throw new IllegalArgumentException("tokenTtl must be positive, not " + tokenTtl);
            }
            this.tokenTtl = tokenTtl;
            return this;
        }

        /**
         * A connection whose request head is not complete this long after the connect, or after the first
         * byte of its next request, is closed; at least 1 ms. Idle keep-alive connections are not affected.
         */
        public Builder headerTimeout(Duration headerTimeout) {
            Objects.requireNonNull(headerTimeout, "headerTimeout");
            if (headerTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("headerTimeout must be at least 1 ms, not " + headerTimeout);
            }
            this.headerTimeout = headerTimeout;
            return this;
        }

        /** Open connections one client address may hold; more are closed as they open. At least 1. */
        public Builder maxConnectionsPerAddress(int maxConnectionsPerAddress) {
            if (maxConnectionsPerAddress < 1) {
                throw new IllegalArgumentException(
                        "maxConnectionsPerAddress must be at least 1, not " + maxConnectionsPerAddress);
            }
            this.maxConnectionsPerAddress = maxConnectionsPerAddress;
            return this;
        }

        /** Serve over TLS and/or offer HTTP/2; plain HTTP/1.1 by default. */
        public Builder listening(Listening listening) {
            this.listening = Objects.requireNonNull(listening, "listening");
            return this;
        }

        public ShopConfig build() {
            return new ShopConfig(this);
        }
    }
}
