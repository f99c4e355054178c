package dev.orderflow.shop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedDataLoaderTest {

    @TempDir
    Path dir;

    private void write(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
    }

    private void validUsers() throws IOException {
        write("users.csv", "username,password\nload_test_user_0,pw0\nload_test_user_1,pw1\n");
    }

    private void validProducts() throws IOException {
        write("products.csv", "id,name,price,stock\n1,Lamp,19.99,10\n2,\"Clock, \"\"Oak\"\"\",5,0\n");
    }

    /** Loading fails with a {@link DataFileException} that names the file, the line and the problem. */
    private void assertLoadIsRefusedAt(String file, int line, String problem) {
        assertThatThrownBy(() -> SeedDataLoader.load(dir))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(dir.resolve(file));
                    assertThat(e.line()).isEqualTo(line);
                })
                .hasMessageContaining(file + " line " + line + ":")
                .hasMessageContaining(problem);
    }

    @Test
    void loadsUsersWithTheirRowAsIdAndProductsWithTwoPlacePrices() throws IOException {
        validUsers();
        validProducts();
        SeedData data = SeedDataLoader.load(dir);
        assertThat(data.users()).containsExactly(new SeedUser(0, "load_test_user_0", "pw0"),
                new SeedUser(1, "load_test_user_1", "pw1"));
        assertThat(data.products()).containsExactly(
                new SeedProduct(1, "Lamp", new BigDecimal("19.99"), 10),
                new SeedProduct(2, "Clock, \"Oak\"", new BigDecimal("5.00"), 0));
    }

    @Test
    void acceptsCrLfLineEndsABomAndBlankLines() throws IOException {
        write("users.csv", "\uFEFFusername,password\r\n\r\nload_test_user_0,pw0\r\n");
        write("products.csv", "id,name,price,stock\r\n1,Lamp,1.5,3");
        SeedData data = SeedDataLoader.load(dir);
        assertThat(data.users()).hasSize(1);
        assertThat(data.products().get(0).price()).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void aUserNeverPrintsThePassword() {
        assertThat(new SeedUser(0, "load_test_user_0", "secret-pw").toString()).doesNotContain("secret-pw");
    }

    @Test
    void aMissingDirectoryIsNamed() {
        assertThatThrownBy(() -> SeedDataLoader.load(dir.resolve("nope")))
                .isInstanceOf(DataFileException.class).hasMessageContaining("nope")
                .hasMessageContaining("does not exist");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        validUsers();
        assertThatThrownBy(() -> SeedDataLoader.load(dir))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("products.csv").hasMessageContaining("does not exist");
    }

    @Test
    void aFileThatIsNotUtf8IsNamed() throws IOException {
        validProducts();
        Files.write(dir.resolve("users.csv"), new byte[] {'u', ',', (byte) 0xff, (byte) 0xfe, '\n'});
        assertThatThrownBy(() -> SeedDataLoader.load(dir))
                .isInstanceOf(DataFileException.class).hasMessageContaining("users.csv").hasMessageContaining("UTF-8");
    }

    @ParameterizedTest(name = "users.csv {0} → line {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "''|1|empty",
            "'name,password\n'|1|expected the header username,password",
            "'username,password\nload_test_user_0,pw\nload_test_user_1\n'|3|expected 2 fields",
            "'username,password\nload_test_user_0,pw\n,pw\n'|3|username is empty",
            "'username,password\nload_test_user_0,\n'|2|password of load_test_user_0 is empty",
            "'username,password\nload_test_user_0,a\nload_test_user_0,b\n'|3|appears twice",
            "'username,password\n'|2|no users",
            "'username,password\nload_test_user_0,\"open\n'|2|EOF reached before encapsulated token finished",
            "'username,password\nload_test_user_0,\"pw\"x\n'|2|invalid char between encapsulated token and delimiter"})
    void aMalformedUsersFileIsRefusedNamingTheFileAndLine(String content, int line, String problem) throws IOException {
        validProducts();
        write("users.csv", content);
        assertLoadIsRefusedAt("users.csv", line, problem);
    }

    @Test
    void aTooLongUsernameIsRefused() throws IOException {
        validProducts();
        write("users.csv", "username,password\n" + "u".repeat(101) + ",pw\n");
        assertThatThrownBy(() -> SeedDataLoader.load(dir)).hasMessageContaining("line 2")
                .hasMessageContaining("longer than 100");
    }

    @ParameterizedTest(name = "products.csv {0} → line {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "'id,name,price\n'|1|expected the header id,name,price,stock",
            "'id,name,price,stock\n1,Lamp,1.00,5\nx,Mug,1.00,5\n'|3|id 'x' is not a whole number",
            "'id,name,price,stock\n0,Lamp,1.00,5\n'|2|id 0 is below 1",
            "'id,name,price,stock\n1,Lamp,1.00,-5\n'|2|stock -5 is below 0",
            "'id,name,price,stock\n1,Lamp,abc,5\n'|2|price 'abc' is not a decimal",
            "'id,name,price,stock\n1,Lamp,1.999,5\n'|2|price '1.999'",
            "'id,name,price,stock\n1,Lamp,-1.00,5\n'|2|price '-1.00'",
            "'id,name,price,stock\n1,Lamp,1e3,5\n'|2|price '1e3'",
            "'id,name,price,stock\n1, ,1.00,5\n'|2|name of product 1 is empty",
            "'id,name,price,stock\n1,Lamp,1.00,5\n1,Mug,1.00,5\n'|3|product id 1 appears twice",
            "'id,name,price,stock\n'|2|no products",
            "'id,name,price,stock\n1,Lamp,1.00,5,extra\n'|2|expected 4 fields"})
    void aMalformedProductsFileIsRefusedNamingTheFileAndLine(String content, int line, String problem)
            throws IOException {
        validUsers();
        write("products.csv", content);
        assertLoadIsRefusedAt("products.csv", line, problem);
    }

    @Test
    void aTooLongProductNameIsRefused() throws IOException {
        validUsers();
        write("products.csv", "id,name,price,stock\n1," + "n".repeat(201) + ",1.00,1\n");
        assertThatThrownBy(() -> SeedDataLoader.load(dir)).hasMessageContaining("line 2")
                .hasMessageContaining("longer than 200");
    }

    @Test
    void aQuotedFieldSpanningLinesCountsItsLines() throws IOException {
        validUsers();
        write("products.csv", "id,name,price,stock\n1,\"two\nlines\",1.00,1\n2,Mug,bad,1\n");
        assertThatThrownBy(() -> SeedDataLoader.load(dir)).hasMessageContaining("products.csv line 4:");
    }
}
