package dev.orderflow.shop;

import dev.orderflow.shop.cli.ShopOptions;
import dev.orderflow.shop.cli.UsageException;
import dev.orderflow.shop.data.DataFileException;
import java.io.PrintStream;

/**
 * {@code java -jar orderflow-shop.jar --port 8000 --data csv-data --admin-key KEY}: runs the shop until
 * SIGTERM. Exit status 2 for a bad command line, 1 when the shop cannot start.
 */
public final class ShopMain {

    static final int USAGE_ERROR = 2;
    static final int START_ERROR = 1;

    private ShopMain() {
    }

    public static void main(String[] args) {
        // quiet unless asked: no per-request or start-up chatter from Jetty, Hikari or H2
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Launch launch = launch(args, System.out, System.err);
        if (launch.shop() == null) {
            System.exit(launch.status());
        }
        Shop shop = launch.shop();
        // a SIGTERM or Ctrl-C stops Jetty gracefully and drops the database; Jetty's non-daemon
        // threads keep the JVM alive until then
        Runtime.getRuntime().addShutdownHook(new Thread(shop::close, "shop-shutdown"));
    }

    /** A started shop, or the exit status when there is none (after --help or an error). */
    record Launch(Shop shop, int status) {
    }

    static Launch launch(String[] args, PrintStream out, PrintStream err) {
        ShopOptions options;
        try {
            options = ShopOptions.parse(args);
        } catch (UsageException e) {
            err.println("orderflow-shop: " + e.getMessage());
            err.println("Run with --help to see the options.");
            return new Launch(null, USAGE_ERROR);
        }
        if (options.help()) {
            out.print(ShopOptions.HELP);
            out.flush();
            return new Launch(null, 0);
        }
        ShopConfig config = options.config();
        Shop shop;
        try {
            shop = Shop.start(config);
        } catch (DataFileException e) {
            err.println("orderflow-shop: bad data file: " + e.getMessage());
            return new Launch(null, START_ERROR);
        } catch (ShopStartException e) {
            err.println("orderflow-shop: " + e.getMessage());
            return new Launch(null, START_ERROR);
        }
        if (config.adminKey() == null) {
            err.println("orderflow-shop: no --admin-key given; this run's admin key is " + shop.adminKey());
        }
        out.println("listening on " + shop.baseUri());
        out.flush();
        return new Launch(shop, 0);
    }
}
