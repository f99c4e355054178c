package dev.orderflow.testplans.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Completes the JMeter home jmeter:configure built into the one a user copies to a real load machine: the RMI
 * keystore in bin/, its password in bin/user.properties (which JMeter reads on its own, engine and controller
 * alike), both owner-only, and csv-data/ beside bin/.
 */
final class EngineHome {

    private EngineHome() {
    }

    static void complete(JMeterHome home, Path keystore, Path csvData) throws IOException, InterruptedException {
        RmiKeystore rmi = RmiKeystore.ensure(keystore, Path.of(System.getProperty("java.home")));
        OwnerOnlyFiles.copy(rmi.keystore(), home.bin().resolve(RmiKeystore.FILE_NAME));
        setUserProperties(home.bin().resolve("user.properties"), rmi.jmeterProperties());
        Path target = home.dir().resolve("csv-data");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(csvData)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Sets the properties in the JMeter home's user.properties, keeping its other lines (jmeter:configure writes
     * the report settings there), and leaves the file owner-only: it then holds a password.
     */
    static void setUserProperties(Path userProperties, Map<String, String> values) throws IOException {
        List<String> lines = new ArrayList<>();
        if (Files.isRegularFile(userProperties)) {
            for (String line : Files.readAllLines(userProperties, StandardCharsets.ISO_8859_1)) {
                String key = line.split("[=:]", 2)[0].trim();
                if (!values.containsKey(key)) {
                    lines.add(line);
                }
            }
        }
        lines.add("# orderflow: the RMI keystore's password; this file is owner-only (600), keep it so everywhere");
        new TreeMap<>(values).forEach((key, value) -> lines.add(key + "=" + value));
        OwnerOnlyFiles.write(userProperties, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }
}
