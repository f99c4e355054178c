package dev.orderflow.testplans.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The keystore JMeter's RMI needs for SSL between the controller and its engines: {@code rmi_keystore.jks},
 * alias {@code rmi}, JMeter's default password. Created once with the JDK's keytool when missing, so
 * distributed runs keep SSL on instead of setting server.rmi.ssl.disable.
 */
public final class RmiKeystore {

    /** The file name, alias and password JMeter's server.rmi.ssl.* properties default to. */
    public static final String FILE_NAME = "rmi_keystore.jks";
    static final String ALIAS = "rmi";
    static final String PASSWORD = "changeit";

    private RmiKeystore() {
    }

    /** Returns {@code keystore}, creating it with keytool first when it does not exist. */
    public static Path ensure(Path keystore, Path javaHome) throws IOException, InterruptedException {
        if (Files.isRegularFile(keystore)) {
            return keystore;
        }
        Files.createDirectories(keystore.toAbsolutePath().getParent());
        Path keytool = javaHome.resolve("bin").resolve(isWindows() ? "keytool.exe" : "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair",
                "-alias", ALIAS,
                "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "3650",
                "-dname", "CN=orderflow JMeter RMI, O=orderflow",
                "-storetype", "JKS",
                "-keystore", keystore.toString(),
                "-storepass", PASSWORD,
                "-keypass", PASSWORD);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0 || !Files.isRegularFile(keystore)) {
            throw new IllegalStateException("keytool could not create " + keystore + " (exit " + exit + "): " + output);
        }
        System.out.println("created the RMI keystore " + keystore + " (alias " + ALIAS + ")");
        return keystore;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
