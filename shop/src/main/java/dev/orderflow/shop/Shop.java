package dev.orderflow.shop;

import dev.orderflow.shop.api.ShopApi;
import dev.orderflow.shop.data.SeedData;
import dev.orderflow.shop.data.SeedDataLoader;
import dev.orderflow.shop.db.Database;
import dev.orderflow.shop.db.Seeder;
import dev.orderflow.shop.http.ProtocolCounter;
import dev.orderflow.shop.http.ServerFactory;
import dev.orderflow.shop.http.ShopHandler;
import dev.orderflow.shop.security.AdminKey;
import dev.orderflow.shop.security.PasswordHasher;
import dev.orderflow.shop.security.TokenStore;
import dev.orderflow.shop.store.AdminRepository;
import dev.orderflow.shop.store.CartService;
import dev.orderflow.shop.store.CartStore;
import dev.orderflow.shop.store.OrderRepository;
import dev.orderflow.shop.store.OrderService;
import dev.orderflow.shop.store.ProductCatalog;
import dev.orderflow.shop.store.ProductRepository;
import dev.orderflow.shop.store.StockChanges;
import dev.orderflow.shop.store.UserRepository;
import dev.orderflow.shop.web.StockSnapshots;
import java.net.URI;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The reference shop (API.md version 1), running: an HTTP server on its port and its database,
 * seeded from the data directory. {@link #close()} stops both.
 *
 * <pre>{@code
 * try (Shop shop = Shop.start(ShopConfig.builder().dataDir(Path.of("csv-data")).build())) {
 *     URI products = shop.baseUri().resolve("/api/products");
 * }
 * }</pre>
 */
public final class Shop implements AutoCloseable {

    private final Server server;
    private final Database database;
    private final AdminKey adminKey;
    private final String host;
    private final ProtocolCounter protocols;
    private final boolean tls;
    private boolean closed;

    private Shop(Server server, Database database, AdminKey adminKey, String host, ProtocolCounter protocols,
            boolean tls) {
        this.server = server;
        this.protocols = protocols;
        this.tls = tls;
        this.database = database;
        this.adminKey = adminKey;
        this.host = host;
    }

    /**
     * Loads the data files, seeds the database and starts listening.
     *
     * @throws dev.orderflow.shop.data.DataFileException when a data file is missing or malformed
     * @throws ShopStartException when the database or the port cannot be had
     */
    public static Shop start(ShopConfig config) {
        SeedData data = SeedDataLoader.load(config.dataDir());
        SecureRandom random = new SecureRandom();
        PasswordHasher hasher = new PasswordHasher(random);
        AdminKey adminKey = config.adminKey() == null ? AdminKey.random(random) : new AdminKey(config.adminKey());
        Database database = openSeeded(config, data, hasher);
        try {
            ProtocolCounter protocols = new ProtocolCounter(
                    new ShopHandler(ShopApi.routes(services(database, hasher, random, adminKey, config))));
            Server server = ServerFactory.create(config.bind(), config.port(), config.maxThreads(),
                    config.headerTimeout(), config.maxConnectionsPerAddress(), protocols, config.listening());
            Shop shop = new Shop(server, database, adminKey, config.bind(), protocols, config.listening().tls());
            try {
                server.start();
            } catch (Exception e) {
                shop.close();
                throw new ShopStartException("cannot listen on " + config.bind() + ":" + config.port()
                        + " (" + e.getMessage() + ")", e);
            }
            return shop;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Database openSeeded(ShopConfig config, SeedData data, PasswordHasher hasher) {
        Database database;
        try {
            database = Database.open(config.jdbcUrl());
        } catch (RuntimeException e) {
            throw new ShopStartException("cannot open the database (" + e.getMessage() + ")", e);
        }
        try (Connection c = database.connection()) {
            Seeder.seed(c, data, hasher);
            return database;
        } catch (SQLException e) {
            database.close();
            throw new ShopStartException("cannot seed the database (" + e.getMessage() + ")", e);
        }
    }

    private static ShopApi.Services services(Database database, PasswordHasher hasher, SecureRandom random,
                                             AdminKey adminKey, ShopConfig config) {
        ProductRepository products = new ProductRepository(database.dataSource());
        ProductCatalog catalog = new ProductCatalog(products.catalog());
        StockChanges stockChanges = new StockChanges();
        CartStore carts = new CartStore();
        StockSnapshots snapshots = new StockSnapshots(stockChanges, () -> products.stockList(catalog),
                ShopApi::productsJson);
        return new ShopApi.Services(
                new UserRepository(database.dataSource()), hasher,
                new TokenStore(random, config.tokenTtl(), InstantSource.system()), adminKey, snapshots,
                carts, new CartService(carts, catalog, products),
                new OrderService(carts, new OrderRepository(database.dataSource()), stockChanges),
                new AdminRepository(database.dataSource()), stockChanges);
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** {@code http://host:port} without a trailing slash; resolve absolute paths against it ({@code /api/cart}). */
    public URI baseUri() {
        return URI.create((tls ? "https://" : "http://") + uriHost() + ":" + port());
    }

    private String uriHost() {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Requests served so far by HTTP version ("HTTP/1.1", "HTTP/2.0"): the shop's side of the protocol. */
    public Map<String, Long> requestsByProtocol() {
        return protocols.requestsByProtocol();
    }

    public String adminKey() {
        return adminKey.value();
    }

    /** Stops accepting, lets in-flight requests finish (up to 5 s), then drops the database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the shop's server did not stop cleanly", e);
        } finally {
            database.close();
        }
    }
}
