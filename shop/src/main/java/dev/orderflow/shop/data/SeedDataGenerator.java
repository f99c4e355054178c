package dev.orderflow.shop.data;

import dev.orderflow.shop.cli.CommandLine;
import dev.orderflow.shop.cli.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes {@code users.csv} and {@code products.csv}. The same seed gives the same files byte for byte:
 * <pre>
 * java -cp shop/target/orderflow-shop.jar dev.orderflow.shop.data.SeedDataGenerator \
 *     --users 1000 --products 100 --stock 100000 --seed 1 --out csv-data
 * </pre>
 */
public final class SeedDataGenerator {

    public static final long DEFAULT_SEED = 1;
    static final int PASSWORD_LENGTH = 16;
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final List<String> ADJECTIVES = List.of("Sturdy", "Bright", "Compact", "Classic", "Rustic",
            "Sleek", "Cosy", "Handy", "Vintage", "Modern", "Tiny", "Grand", "Silent", "Swift", "Golden",
            "Crisp", "Gentle", "Bold", "Smart", "Rugged");
    private static final List<String> NOUNS = List.of("Lamp", "Kettle", "Backpack", "Notebook", "Mug", "Chair",
            "Umbrella", "Headphones", "Blanket", "Clock", "Teapot", "Scarf", "Bottle", "Pillow", "Wallet",
            "Candle", "Skillet", "Jacket", "Speaker", "Planter");

    private static final String HELP = """
            Usage: java -cp orderflow-shop.jar dev.orderflow.shop.data.SeedDataGenerator [options]

            Writes users.csv (load_test_user_0 ... with random passwords) and products.csv.
              --users N      number of users (default 1000)
              --products N   number of products (default 100)
              --stock N      stock of each product (default 100000)
              --seed S       random seed; the same seed writes the same files (default 1)
              --out DIR      directory to write to, created if missing (default csv-data)
            """;

    private SeedDataGenerator() {
    }

    public static void main(String[] args) {
        try {
            CommandLine line = CommandLine.parse(args, Set.of("--users", "--products", "--stock", "--seed", "--out"),
                    Set.of("--help"));
            if (line.has("--help")) {
                System.out.print(HELP);
                return;
            }
            int users = line.integer("--users", 1000, 1, 10_000_000);
            int products = line.integer("--products", 100, 1, 1_000_000);
            int stock = line.integer("--stock", 100_000, 0, Integer.MAX_VALUE);
            long seed = line.longValue("--seed", DEFAULT_SEED);
            Path out = Path.of(line.string("--out", "csv-data"));
            write(out, users, products, stock, seed);
            System.out.println("wrote " + users + " users and " + products + " products to " + out);
        } catch (UsageException e) {
            System.err.println("SeedDataGenerator: " + e.getMessage());
            System.err.print(HELP);
            System.exit(2);
        }
    }

    /** Writes both files into {@code dir}, creating it if needed. */
    public static void write(Path dir, int users, int products, int stock, long seed) {
        Random random = new Random(seed);
        try {
            Files.createDirectories(dir);
            writeUsers(dir.resolve(SeedDataLoader.USERS_FILE), users, random);
            writeProducts(dir.resolve(SeedDataLoader.PRODUCTS_FILE), products, stock, random);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the seed data to " + dir, e);
        }
    }

    private static void writeUsers(Path file, int count, Random random) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("username,password\n");
            for (int i = 0; i < count; i++) {
                w.write("load_test_user_" + i + "," + password(random) + "\n");
            }
        }
    }

    private static String password(Random random) {
        StringBuilder sb = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static void writeProducts(Path file, int count, int stock, Random random) throws IOException {
        List<String> names = productNames(count, random);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,name,price,stock\n");
            for (int i = 0; i < count; i++) {
                BigDecimal price = BigDecimal.valueOf(99 + random.nextInt(9900), 2);
                w.write((i + 1) + "," + names.get(i) + "," + price.toPlainString() + "," + stock + "\n");
            }
        }
    }

    /** Distinct adjective-noun names in a shuffled order; past 400 products a number keeps them distinct. */
    private static List<String> productNames(int count, Random random) {
        List<String> pairs = new ArrayList<>();
        for (String adjective : ADJECTIVES) {
            for (String noun : NOUNS) {
                pairs.add(adjective + " " + noun);
            }
        }
        java.util.Collections.shuffle(pairs, random);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String base = pairs.get(i % pairs.size());
            names.add(i < pairs.size() ? base : base + " " + (i / pairs.size() + 1));
        }
        return names;
    }
}
