package dev.orderflow.shop;

import java.nio.file.Path;
import java.util.Objects;

import dev.orderflow.shop.http.Listening;

/**
 * How to start a {@link Shop}: built with {@link #builder()}. Defaults: any free port on 127.0.0.1,
 * the data in {@code csv-data}, a random admin key, a private in-memory H2 database, 200 threads.
 */
public final class ShopConfig {

    public static final int DEFAULT_MAX_THREADS = 200;

    private final int port;
    private final String bind;
    private final Path dataDir;
    private final String adminKey;
    private final String jdbcUrl;
    private final int maxThreads;
    private final Listening listening;

    private ShopConfig(Builder b) {
        this.port = b.port;
        this.bind = b.bind;
        this.dataDir = b.dataDir;
        this.adminKey = b.adminKey;
        this.jdbcUrl = b.jdbcUrl;
        this.maxThreads = b.maxThreads;
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

    /** Plain HTTP or TLS, with or without HTTP/2. */
    public Listening listening() {
        return listening;
    }

    @Override
    public String toString() {
        return "ShopConfig[port=" + port + ", bind=" + bind + ", dataDir=" + dataDir
                + ", jdbcUrl=" + (jdbcUrl == null ? "in-memory H2" : "given") + ", maxThreads=" + maxThreads + ", " + listening + "]";
    }

    public static final class Builder {
        private int port;
        private String bind = "127.0.0.1";
        private Path dataDir = Path.of("csv-data");
        private String adminKey;
        private String jdbcUrl;
        private int maxThreads = DEFAULT_MAX_THREADS;
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
