package dev.orderflow.testplans.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JMeter home jmeter-maven-plugin built for this run (target/&lt;uuid&gt;/jmeter, named in target/config.json):
 * the engines start from it and the reports read the results it wrote.
 */
public record JMeterHome(Path dir, String runtimeJar) {

    /** Reads target/config.json as jmeter-maven-plugin's configure goal wrote it. */
    public static JMeterHome fromConfig(Path configJson) throws IOException {
        if (!Files.isRegularFile(configJson)) {
            throw new IllegalStateException(configJson + " is missing: jmeter:configure has not run");
        }
        JsonNode root = new ObjectMapper().readTree(configJson.toFile());
        for (JsonNode configuration : root.path("configurations")) {
            String dir = configuration.path("jmeterDirectoryPath").asText("");
            if (!dir.isEmpty()) {
                return new JMeterHome(Path.of(dir), configuration.path("runtimeJarName").asText());
            }
        }
        throw new IllegalStateException(configJson + " names no JMeter home");
    }

    public Path bin() {
        return dir.resolve("bin");
    }

    /** The jar engines run: {@code java -jar <home>/bin/ApacheJMeter-5.6.3.jar -s}. */
    public Path launcher() {
        return bin().resolve(runtimeJar);
    }
}
