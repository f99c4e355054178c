package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.orderflow.jmeter.element.InvalidSettingsException;

/** An empty admin key field: the key comes from the file admin_key_file names, else from ORDERFLOW_ADMIN_KEY. */
class AdminKeyFallbackTest {

    @TempDir
    Path dir;

    @Test
    void readsTheKeyFromTheFileTheBuildNamesBeforeTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("admin.key"), "from-file\n");

        String key = AdminKeyFallback.find("summary", Map.of("admin_key_file", file.toString())::get,
                Map.of("ORDERFLOW_ADMIN_KEY", "from-env")::get);

        assertThat(key).isEqualTo("from-file");
    }

    @Test
    void readsTheEnvironmentWhenNoFileIsNamedAndIsEmptyWithoutEither() {
        assertThat(AdminKeyFallback.find("summary", Map.<String, String>of()::get,
                Map.of("ORDERFLOW_ADMIN_KEY", " from-env ")::get)).isEqualTo("from-env");
        assertThat(AdminKeyFallback.find("summary", Map.<String, String>of()::get, Map.<String, String>of()::get))
                .isEmpty();
    }

    @Test
    void refusesANamedFileThatIsMissingOrEmptyNamingTheField() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.key"), "\n");

        assertThatThrownBy(() -> AdminKeyFallback.find("summary",
                Map.of("admin_key_file", dir.resolve("nope").toString())::get, Map.<String, String>of()::get))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> AdminKeyFallback.find("summary", Map.of("admin_key_file", empty.toString())::get,
                Map.<String, String>of()::get))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("is empty and so is the file");
    }
}
