package dev.orderflow.testplans.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The keystore JMeter's RMI needs for SSL between the controller and its engines: {@code rmi_keystore.jks},
 * alias {@code rmi}, with a random password kept beside it in {@code rmi_keystore.properties} as the JMeter
 * properties that open it. Whoever holds both can send every engine that trusts them a plan (plans run scripts
 * and commands), so both are owner-only (600) files and the password is never JMeter's public default.
 *
 * <p>Created once with the JDK's keytool and kept across builds, so that engines which have a copy stay trusted;
 * created again when it is missing, its password file is missing or does not open it, or it still has JMeter's
 * default password {@code changeit} (as this build made it before).
 */
public final class RmiKeystore {

    /** The file name and alias JMeter's server.rmi.ssl.* properties default to. */
    public static final String FILE_NAME = "rmi_keystore.jks";
    /** The JMeter properties with the keystore's password, beside the keystore. */
    public static final String PASSWORD_FILE_NAME = "rmi_keystore.properties";
    static final String ALIAS = "rmi";
    static final String KEYSTORE_PASSWORD = "server.rmi.ssl.keystore.password";
    static final String TRUSTSTORE_PASSWORD = "server.rmi.ssl.truststore.password";
    /** JMeter's default password, printed in its documentation: a keystore with it protects nothing. */
    static final String JMETER_DEFAULT_PASSWORD = "changeit";
    /** keytool reads the password from here, not from its command line, which every user can list. */
    private static final String PASSWORD_VARIABLE = "ORDERFLOW_RMI_KEYSTORE_PASSWORD";

    private final Path keystore;
    private final String password;

    private RmiKeystore(Path keystore, String password) {
        this.keystore = keystore;
        this.password = password;
    }

    /**
     * The keystore at {@code keystore} with its password file beside it, created (or replaced, see above) with
     * keytool first when needed; both left with permissions 600.
     */
    public static RmiKeystore ensure(Path keystore, Path javaHome) throws IOException, InterruptedException {
        Path absolute = keystore.toAbsolutePath();
        Path passwordFile = passwordFileOf(absolute);
        String known = Files.isRegularFile(passwordFile) ? readPassword(passwordFile) : null;
        if (Files.isRegularFile(absolute) && known != null && !known.equals(JMETER_DEFAULT_PASSWORD)
                && opens(absolute, known)) {
            OwnerOnlyFiles.restrict(absolute);
            OwnerOnlyFiles.restrict(passwordFile);
            return new RmiKeystore(absolute, known);
        }
        String what = !Files.isRegularFile(absolute) ? "created"
                : opens(absolute, JMETER_DEFAULT_PASSWORD) ? "replaced, as it had JMeter's public default password"
                : "replaced, as " + PASSWORD_FILE_NAME + " beside it is missing or does not open it";
        RmiKeystore created = create(absolute, javaHome);
        System.out.println("the RMI keystore " + absolute + " was " + what + " (alias " + ALIAS + ", a random password"
                + " in " + passwordFile.getFileName() + ", both owner-only): engines need the new JMeter home's copy");
        return created;
    }

    /** The password file of a keystore: {@value #PASSWORD_FILE_NAME} in the same folder. */
    public static Path passwordFileOf(Path keystore) {
        return keystore.toAbsolutePath().resolveSibling(PASSWORD_FILE_NAME);
    }

    /**
     * The password of a keystore this class made, read from the password file beside it; in a JMeter home's
     * {@code bin/}, where the build puts it into {@code user.properties}, from that file.
     */
    public static String passwordOf(Path keystore) throws IOException {
        Path passwordFile = passwordFileOf(keystore);
        if (!Files.isRegularFile(passwordFile)) {
            passwordFile = keystore.toAbsolutePath().resolveSibling("user.properties");
        }
        String password = readPassword(passwordFile);
        if (password == null) {
            throw new IOException(passwordFile + " holds no " + KEYSTORE_PASSWORD);
        }
        return password;
    }

    public Path keystore() {
        return keystore;
    }

    public Path passwordFile() {
        return passwordFileOf(keystore);
    }

    /** The JMeter properties that open the keystore on an engine (keystore) and on the controller (truststore). */
    public Map<String, String> jmeterProperties() {
        return Map.of(KEYSTORE_PASSWORD, password, TRUSTSTORE_PASSWORD, password);
    }

    /** True when the password opens the keystore and it holds the {@code rmi} key JMeter uses. */
    static boolean opens(Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(in, password.toCharArray());
            return store.isKeyEntry(ALIAS) && store.getKey(ALIAS, password.toCharArray()) != null;
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }

    private static String readPassword(Path passwordFile) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(passwordFile, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        return properties.getProperty(KEYSTORE_PASSWORD);
    }

    /**
     * Makes keystore and password file in a fresh folder only the owner can enter (the JDK creates temporary
     * folders 700), then moves each into place with permissions 600.
     */
    private static RmiKeystore create(Path keystore, Path javaHome) throws IOException, InterruptedException {
        Files.createDirectories(keystore.getParent());
        String password = randomPassword();
        Path workDir = Files.createTempDirectory(keystore.getParent(), ".rmi-keystore-");
        try {
            Path made = workDir.resolve(FILE_NAME);
            keytool(javaHome, made, password);
            RmiKeystore created = new RmiKeystore(keystore, password);
            OwnerOnlyFiles.move(made, keystore);
            OwnerOnlyFiles.write(passwordFileOf(keystore), created.passwordFileContent());
            return created;
        } finally {
            deleteTree(workDir);
        }
    }

    private static void keytool(Path javaHome, Path keystore, String password)
            throws IOException, InterruptedException {
        Path keytool = javaHome.resolve("bin").resolve(isWindows() ? "keytool.exe" : "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair",
                "-alias", ALIAS,
                "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "3650",
                "-dname", "CN=orderflow JMeter RMI, O=orderflow",
                "-storetype", "JKS",
                "-keystore", keystore.toString(),
                "-storepass:env", PASSWORD_VARIABLE,
                "-keypass:env", PASSWORD_VARIABLE);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0 || !Files.isRegularFile(keystore)) {
            throw new IllegalStateException("keytool could not create the RMI keystore (exit " + exit + "): " + output);
        }
    }

    private byte[] passwordFileContent() throws IOException {
        Properties properties = new Properties();
        properties.putAll(jmeterProperties());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        properties.store(out, "orderflow: the password of " + FILE_NAME + " beside this file, as JMeter reads it."
                + " Keep it owner-only (600) and out of version control.");
        return out.toByteArray();
    }

    /** 32 characters from 192 random bits, in the URL-safe Base64 alphabet: nothing a properties file escapes. */
    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
