package dev.orderflow.testplans.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class RmiKeystoreTest {

    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static Properties passwordFile(RmiKeystore rmi) throws Exception {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(rmi.passwordFile(), StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        return properties;
    }

    private static KeyStore open(Path keystore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    /** What the build made before: keytool with JMeter's default password, a file every user can read. */
    private static void oldDefaultKeystore(Path keystore) throws Exception {
        Process keytool = new ProcessBuilder(JAVA_HOME.resolve("bin/keytool").toString(), "-genkeypair",
                "-alias", "rmi", "-keyalg", "RSA", "-keysize", "2048", "-validity", "10", "-dname", "CN=old",
                "-storetype", "JKS", "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor()).isZero();
        Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void createsAJksKeystoreWithARandomPasswordInTheJMeterPropertiesBesideIt(@TempDir Path dir) throws Exception {
        RmiKeystore rmi = RmiKeystore.ensure(dir.resolve("sub").resolve(RmiKeystore.FILE_NAME), JAVA_HOME);

        Properties properties = passwordFile(rmi);
        String password = properties.getProperty("server.rmi.ssl.keystore.password");
        assertThat(password).hasSize(32).isNotEqualTo("changeit");
        assertThat(properties.getProperty("server.rmi.ssl.truststore.password")).isEqualTo(password);
        assertThat(rmi.jmeterProperties()).containsEntry("server.rmi.ssl.keystore.password", password);
        assertThat(open(rmi.keystore(), password).isKeyEntry("rmi")).isTrue();
        assertThat(RmiKeystore.opens(rmi.keystore(), "changeit")).isFalse();
        assertThat(rmi.passwordFile()).isEqualTo(dir.resolve("sub").resolve(RmiKeystore.PASSWORD_FILE_NAME));
    }

    @Test
    void leavesKeystoreAndPasswordReadableByTheirOwnerOnlyAndNoWorkFilesBehind(@TempDir Path dir) throws Exception {
        RmiKeystore rmi = RmiKeystore.ensure(dir.resolve(RmiKeystore.FILE_NAME), JAVA_HOME);

        assertThat(permissions(rmi.keystore())).isEqualTo("rw-------");
        assertThat(permissions(rmi.passwordFile())).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted().toList())
                    .containsExactly(RmiKeystore.FILE_NAME, RmiKeystore.PASSWORD_FILE_NAME);
        }
    }

    @Test
    void givesEveryNewKeystoreItsOwnPassword(@TempDir Path dir) throws Exception {
        RmiKeystore first = RmiKeystore.ensure(dir.resolve("a").resolve(RmiKeystore.FILE_NAME), JAVA_HOME);
        RmiKeystore second = RmiKeystore.ensure(dir.resolve("b").resolve(RmiKeystore.FILE_NAME), JAVA_HOME);

        assertThat(first.jmeterProperties()).isNotEqualTo(second.jmeterProperties());
    }

    @Test
    void keepsAnExistingKeystoreSoEnginesThatHaveACopyStillTrustIt(@TempDir Path dir) throws Exception {
        RmiKeystore first = RmiKeystore.ensure(dir.resolve(RmiKeystore.FILE_NAME), JAVA_HOME);
        byte[] keystore = Files.readAllBytes(first.keystore());
        byte[] password = Files.readAllBytes(first.passwordFile());

        RmiKeystore again = RmiKeystore.ensure(first.keystore(), JAVA_HOME);

        assertThat(Files.readAllBytes(again.keystore())).isEqualTo(keystore);
        assertThat(Files.readAllBytes(again.passwordFile())).isEqualTo(password);
        assertThat(again.jmeterProperties()).isEqualTo(first.jmeterProperties());
    }

    @Test
    void takesTheOthersPermissionsAwayFromAKeptKeystore(@TempDir Path dir) throws Exception {
        RmiKeystore first = RmiKeystore.ensure(dir.resolve(RmiKeystore.FILE_NAME), JAVA_HOME);
        Files.setPosixFilePermissions(first.keystore(), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(first.passwordFile(), PosixFilePermissions.fromString("rw-rw-r--"));

        RmiKeystore.ensure(first.keystore(), JAVA_HOME);

        assertThat(permissions(first.keystore())).isEqualTo("rw-------");
        assertThat(permissions(first.passwordFile())).isEqualTo("rw-------");
    }

    @Test
    void replacesTheOldKeystoreWithJMetersDefaultPassword(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve(RmiKeystore.FILE_NAME);
        oldDefaultKeystore(keystore);

        RmiKeystore rmi = RmiKeystore.ensure(keystore, JAVA_HOME);

        assertThat(RmiKeystore.opens(keystore, "changeit")).isFalse();
        String password = rmi.jmeterProperties().get("server.rmi.ssl.keystore.password");
        assertThat(RmiKeystore.opens(keystore, password)).isTrue();
        assertThat(permissions(keystore)).isEqualTo("rw-------");
    }

    @Test
    void replacesAKeystoreWhosePasswordFileIsMissingOrWrong(@TempDir Path dir) throws Exception {
        RmiKeystore first = RmiKeystore.ensure(dir.resolve(RmiKeystore.FILE_NAME), JAVA_HOME);
        Files.delete(first.passwordFile());

        RmiKeystore second = RmiKeystore.ensure(first.keystore(), JAVA_HOME);
        Files.writeString(second.passwordFile(), "server.rmi.ssl.keystore.password=wrong\n");
        RmiKeystore third = RmiKeystore.ensure(first.keystore(), JAVA_HOME);

        String password = third.jmeterProperties().get("server.rmi.ssl.keystore.password");
        assertThat(RmiKeystore.opens(third.keystore(), password)).isTrue();
        assertThat(List.of(first, second).stream().map(RmiKeystore::jmeterProperties))
                .doesNotContain(third.jmeterProperties());
    }

    @Test
    void putsThePasswordIntoTheJMeterHomesUserPropertiesOwnerOnlyKeepingItsOtherLines(@TempDir Path dir)
            throws Exception {
        Path userProperties = Files.writeString(dir.resolve("user.properties"),
                "summariser.interval=10\nserver.rmi.ssl.keystore.password=old\n");

        EngineHome.setUserProperties(userProperties, Map.of("server.rmi.ssl.keystore.password", "new-one",
                "server.rmi.ssl.truststore.password", "new-one"));

        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(userProperties, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        assertThat(properties).containsEntry("summariser.interval", "10")
                .containsEntry("server.rmi.ssl.keystore.password", "new-one")
                .containsEntry("server.rmi.ssl.truststore.password", "new-one");
        assertThat(Files.readString(userProperties)).doesNotContain("=old");
        assertThat(permissions(userProperties)).isEqualTo("rw-------");
    }
}
