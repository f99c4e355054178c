package dev.orderflow.shop.data;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Loads and validates {@code users.csv} and {@code products.csv} from a data directory. */
public final class SeedDataLoader {

    public static final String USERS_FILE = "users.csv";
    public static final String PRODUCTS_FILE = "products.csv";
    static final List<String> USERS_HEADER = List.of("username", "password");
    static final List<String> PRODUCTS_HEADER = List.of("id", "name", "price", "stock");

    /** Up to ten digits and two places: the schema stores DECIMAL(12,2). */
    private static final Pattern PRICE = Pattern.compile("[0-9]{1,10}(\\.[0-9]{1,2})?");
    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_USERNAME_LENGTH = 100;

    private SeedDataLoader() {
    }

    public static SeedData load(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new DataFileException(dataDir, 0, "the data directory does not exist");
        }
        return new SeedData(loadUsers(dataDir.resolve(USERS_FILE)), loadProducts(dataDir.resolve(PRODUCTS_FILE)));
    }

    static List<SeedUser> loadUsers(Path file) {
        List<CsvRow> rows = CsvFile.read(file, USERS_HEADER);
        List<SeedUser> users = new ArrayList<>(rows.size());
        Set<String> seen = new HashSet<>();
        for (CsvRow row : rows) {
            String username = row.fields().get(0).strip();
            String password = row.fields().get(1);
            if (username.isEmpty()) {
                throw new DataFileException(file, row.line(), "username is empty");
            }
            if (username.length() > MAX_USERNAME_LENGTH) {
                throw new DataFileException(file, row.line(),
                        "username is longer than " + MAX_USERNAME_LENGTH + " characters");
            }
            if (password.isEmpty()) {
                throw new DataFileException(file, row.line(), "password of " + username + " is empty");
            }
            if (!seen.add(username)) {
                throw new DataFileException(file, row.line(), "username " + username + " appears twice");
            }
            users.add(new SeedUser(users.size(), username, password));
        }
        if (users.isEmpty()) {
            throw new DataFileException(file, 2, "no users after the header");
        }
        return users;
    }

    static List<SeedProduct> loadProducts(Path file) {
        List<CsvRow> rows = CsvFile.read(file, PRODUCTS_HEADER);
        List<SeedProduct> products = new ArrayList<>(rows.size());
        Set<Integer> seen = new HashSet<>();
        for (CsvRow row : rows) {
            int id = positiveInt(file, row, 0, "id", 1);
            String name = row.fields().get(1).strip();
            BigDecimal price = price(file, row);
            int stock = positiveInt(file, row, 3, "stock", 0);
            if (name.isEmpty()) {
                throw new DataFileException(file, row.line(), "name of product " + id + " is empty");
            }
            if (name.length() > MAX_NAME_LENGTH) {
                throw new DataFileException(file, row.line(),
                        "name of product " + id + " is longer than " + MAX_NAME_LENGTH + " characters");
            }
            if (!seen.add(id)) {
                throw new DataFileException(file, row.line(), "product id " + id + " appears twice");
            }
            products.add(new SeedProduct(id, name, price, stock));
        }
        if (products.isEmpty()) {
            throw new DataFileException(file, 2, "no products after the header");
        }
        return products;
    }

    private static int positiveInt(Path file, CsvRow row, int index, String column, int minimum) {
        String text = row.fields().get(index).strip();
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DataFileException(file, row.line(), column + " '" + text + "' is not a whole number");
        }
        if (value < minimum) {
            throw new DataFileException(file, row.line(), column + " " + value + " is below " + minimum);
        }
        return value;
    }

    private static BigDecimal price(Path file, CsvRow row) {
        String text = row.fields().get(2).strip();
        if (!PRICE.matcher(text).matches()) {
            throw new DataFileException(file, row.line(),
                    "price '" + text + "' is not a decimal like 19.99 (at most 10 digits and 2 places)");
        }
        return new BigDecimal(text).setScale(2);
    }
}
