package dev.orderflow.shop.testing;

import dev.orderflow.shop.data.SeedDataGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small data directories for tests, written into a temporary folder. */
public final class TestData {

    private final Path dir;

    private TestData(Path dir) {
        this.dir = dir;
    }

    /** {@code users} generated users and the given products.csv rows (without header). */
    public static TestData write(Path dir, int users, List<String> productRows) {
        SeedDataGenerator.write(dir, users, 1, 1, 7);
        try {
            Files.writeString(dir.resolve("products.csv"),
                    "id,name,price,stock\n" + String.join("\n", productRows) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestData(dir);
    }

    public Path dir() {
        return dir;
    }

    /** username → password as written in users.csv. */
    public Map<String, String> passwords() {
        try {
            Map<String, String> passwords = new HashMap<>();
            List<String> lines = Files.readAllLines(dir.resolve("users.csv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.split(",", 2);
                passwords.put(parts[0], parts[1]);
            }
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String password(int user) {
        return passwords().get("load_test_user_" + user);
    }
}
