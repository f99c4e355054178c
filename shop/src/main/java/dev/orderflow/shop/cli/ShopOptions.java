package dev.orderflow.shop.cli;

import dev.orderflow.shop.ShopConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import dev.orderflow.shop.http.Listening;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** The command line of {@code java -jar orderflow-shop.jar}, turned into a {@link ShopConfig}. */
public final class ShopOptions {

    public static final String HELP = """
            Usage: java -jar orderflow-shop.jar [options]

            Runs the orderflow reference shop (API.md version 1) until it is stopped (SIGTERM, Ctrl-C).
            Prints one line, "listening on http://HOST:PORT", on standard output once it is ready.

            Options:
              --port N          TCP port to listen on; 0 picks a free one (default 8000)
              --bind ADDR       address to listen on (default 127.0.0.1)
              --data DIR        directory with users.csv and products.csv (default csv-data)
              --admin-key KEY   key for /api/admin/* (X-Admin-Key); without it a random key is
                                generated and printed once on standard error
              --admin-key-file FILE
                                read the admin key from this file instead (keep it owner-only,
                                chmod 600): a key on the command line is visible to every user
                                of the machine in its process list
              --jdbc-url URL    database instead of the private in-memory H2, e.g.
                                jdbc:postgresql://127.0.0.1/shop?user=shop&password=...
                                (the shop drops and re-creates its own tables there)
              --threads N       most request threads (default %d, at least 16)
              --token-ttl S     refuse a login token with 401 S seconds after its issue, like an
                                expiring JWT (default: tokens never expire)
              --header-timeout-ms N
                                a connection whose request line and headers are not all in
                                within N ms of its connect, or of the first byte of its next
                                request, is closed (default %d); it does not cut short a
                                keep-alive connection idle between requests
              --max-connections-per-address N
                                open connections one client address may hold; more are closed
                                as they open (default %d). A load test runs all its users from
                                one address: give at least its number of users
              --tls-keystore F  serve https with the certificate and key of this PKCS12 file
              --tls-password P  the password of the key store (and of its key)
              --http2           also speak HTTP/2: h2 through ALPN with --tls-keystore, else h2c
              --help            show this help
            """.formatted(ShopConfig.DEFAULT_MAX_THREADS, ShopConfig.DEFAULT_HEADER_TIMEOUT.toMillis(),
            ShopConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS);

    private static final Set<String> VALUES = Set.of("--port", "--bind", "--data", "--admin-key",
            "--jdbc-url", "--threads",
            "--token-ttl", "--header-timeout-ms", "--max-connections-per-address", "--admin-key-file",
            "--tls-keystore", "--tls-password");
    private static final Set<String> FLAGS = Set.of("--help", "-h", "--http2");

    private final boolean help;
    private final ShopConfig config;

    private ShopOptions(boolean help, ShopConfig config) {
        this.help = help;
        this.config = config;
    }

    public static ShopOptions parse(String[] args) throws UsageException {
        String[] normalised = args.clone();
        for (int i = 0; i < normalised.length; i++) {
            if (normalised[i].equals("-h")) {
                normalised[i] = "--help";
            }
        }
        CommandLine line = CommandLine.parse(normalised, VALUES, FLAGS);
        if (line.has("--help")) {
            return new ShopOptions(true, null);
        }
        ShopConfig config = ShopConfig.builder()
                .port(line.integer("--port", 8000, 0, 65535))
                .bind(line.string("--bind", "127.0.0.1"))
                .dataDir(Path.of(line.string("--data", "csv-data")))
                .adminKey(adminKey(line))
                .jdbcUrl(jdbcUrl(line))
                .maxThreads(line.integer("--threads", ShopConfig.DEFAULT_MAX_THREADS, 16, 10_000))
                .tokenTtl(tokenTtl(line))
                .headerTimeout(Duration.ofMillis(line.integer("--header-timeout-ms",
                        (int) ShopConfig.DEFAULT_HEADER_TIMEOUT.toMillis(), 1, 3_600_000)))
                .maxConnectionsPerAddress(line.integer("--max-connections-per-address",
                        ShopConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, 1, 1_000_000))
                .listening(listening(line))
                .build();
        return new ShopOptions(false, config);
    }

    private static String adminKey(CommandLine line) throws UsageException {
        String key = line.string("--admin-key", null);
        String file = line.string("--admin-key-file", null);
        if (file == null) {
            return key;
        }
        if (key != null) {
            throw new UsageException("give --admin-key or --admin-key-file, not both");
        }
        String read;
        try {
            read = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException | InvalidPathException e) {
            throw new UsageException("--admin-key-file " + file + " cannot be read: " + e.getMessage());
        }
        if (read.isEmpty()) {
            throw new UsageException("--admin-key-file " + file + " is empty");
        }
        return read;
    }

    private static String jdbcUrl(CommandLine line) throws UsageException {
        String url = line.string("--jdbc-url", null);
        if (url != null && !url.startsWith("jdbc:")) {
            throw new UsageException("--jdbc-url must start with jdbc: (for example jdbc:postgresql://127.0.0.1/shop)");
        }
        return url;
    }

    private static Duration tokenTtl(CommandLine line) throws UsageException {
        int seconds = line.integer("--token-ttl", 0, 1, Integer.MAX_VALUE);
        return seconds == 0 ? null : Duration.ofSeconds(seconds);
    }

    private static Listening listening(CommandLine line) throws UsageException {
        String keyStore = line.string("--tls-keystore", null);
        String password = line.string("--tls-password", null);
        if (keyStore == null && password != null) {
            throw new UsageException("--tls-password needs --tls-keystore");
        }
        if (keyStore != null && password == null) {
            throw new UsageException("--tls-keystore needs --tls-password");
        }
        return new Listening(keyStore == null ? null : Path.of(keyStore), password, line.has("--http2"));
    }

    public boolean help() {
        return help;
    }

    public ShopConfig config() {
        return config;
    }
}
