package dev.orderflow.shop.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedDataGeneratorTest {

    @TempDir
    Path tmp;

    @Test
    void writesFilesTheShopLoads() {
        SeedDataGenerator.write(tmp, 25, 450, 7, 3);
        SeedData data = SeedDataLoader.load(tmp);
        assertThat(data.users()).hasSize(25);
        assertThat(data.users().get(24).username()).isEqualTo("load_test_user_24");
        assertThat(data.users()).allSatisfy(u -> assertThat(u.password()).hasSize(SeedDataGenerator.PASSWORD_LENGTH));
        assertThat(data.users().stream().map(SeedUser::password).distinct()).hasSize(25);
        assertThat(data.products()).hasSize(450).allSatisfy(p -> {
            assertThat(p.stock()).isEqualTo(7);
            assertThat(p.price().scale()).isEqualTo(2);
            assertThat(p.price()).isBetween(new java.math.BigDecimal("0.99"), new java.math.BigDecimal("99.98"));
        });
        assertThat(data.products().stream().map(SeedProduct::name).distinct()).hasSize(450);
    }

    @Test
    void theSameSeedWritesTheSameFilesAndAnotherSeedOthers() throws IOException {
        SeedDataGenerator.write(tmp.resolve("a"), 10, 5, 100, 42);
        SeedDataGenerator.write(tmp.resolve("b"), 10, 5, 100, 42);
        SeedDataGenerator.write(tmp.resolve("c"), 10, 5, 100, 43);
        for (String file : new String[] {"users.csv", "products.csv"}) {
            assertThat(Files.readString(tmp.resolve("a").resolve(file)))
                    .isEqualTo(Files.readString(tmp.resolve("b").resolve(file)));
            assertThat(Files.readString(tmp.resolve("a").resolve(file)))
                    .isNotEqualTo(Files.readString(tmp.resolve("c").resolve(file)));
        }
    }

    /** The repository's csv-data, found from the working directory (the module's or the repository's). */
    private static Path committedData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("csv-data").resolve("users.csv"))) {
                return dir.resolve("csv-data");
            }
        }
        throw new AssertionError("no csv-data/users.csv above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theCommittedDataIsWhatTheDocumentedCommandWrites() throws IOException {
        Path committed = committedData();
        SeedDataGenerator.main(new String[] {"--users", "1000", "--products", "100", "--stock", "100000",
                "--seed", "1", "--out", tmp.toString()});
        assertThat(Files.readString(tmp.resolve("users.csv")))
                .isEqualTo(Files.readString(committed.resolve("users.csv")));
        assertThat(Files.readString(tmp.resolve("products.csv")))
                .isEqualTo(Files.readString(committed.resolve("products.csv")));
    }
}
