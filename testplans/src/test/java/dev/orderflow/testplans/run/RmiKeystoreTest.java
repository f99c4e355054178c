package dev.orderflow.testplans.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import static org.assertj.core.api.Assertions.assertThat;

class RmiKeystoreTest {

    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @Test
    void createsTheJksKeystoreJMeterExpectsWhenItIsMissing(@TempDir Path dir) throws Exception {
        Path keystore = RmiKeystore.ensure(dir.resolve("sub").resolve(RmiKeystore.FILE_NAME), JAVA_HOME);

        KeyStore store = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, RmiKeystore.PASSWORD.toCharArray());
        }
        assertThat(store.isKeyEntry(RmiKeystore.ALIAS)).isTrue();
    }

    @Test
    void keepsAnExistingKeystoreSoEnginesThatHaveACopyStillTrustIt(@TempDir Path dir) throws Exception {
        Path keystore = RmiKeystore.ensure(dir.resolve(RmiKeystore.FILE_NAME), JAVA_HOME);
        byte[] first = Files.readAllBytes(keystore);

        RmiKeystore.ensure(keystore, JAVA_HOME);

        assertThat(Files.readAllBytes(keystore)).isEqualTo(first);
    }
}
