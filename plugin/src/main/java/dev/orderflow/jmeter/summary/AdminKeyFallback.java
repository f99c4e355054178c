package dev.orderflow.jmeter.summary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.orderflow.jmeter.element.InvalidSettingsException;

/**
 * Where the listener finds the shop's admin key when its field is empty: in the file the JMeter property
 * {@code admin_key_file} names, else in the environment variable {@code ORDERFLOW_ADMIN_KEY}. Both keep the key
 * out of JMeter's properties: JMeter writes {@code -J} values to jmeter.log, and jmeter-maven-plugin copies
 * {@code -q} files into the JMeter home readable by every user. The build writes the file, owner-only.
 */
final class AdminKeyFallback {

    static final String FILE_PROPERTY = "admin_key_file";
    static final String ENVIRONMENT_VARIABLE = "ORDERFLOW_ADMIN_KEY";

    private AdminKeyFallback() {
    }

    /**
     * The key from the file or the environment; empty when neither has one.
     *
     * @throws InvalidSettingsException when the file is named but cannot be read or is empty
     */
    static String find(String elementName, UnaryOperator<String> jmeterProperty, UnaryOperator<String> environment) {
        String file = jmeterProperty.apply(FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            String key;
            try {
                key = Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8).strip();
            } catch (IOException | InvalidPathException e) {
                throw refusal(elementName, "is empty and the file " + FILE_PROPERTY + " names cannot be read: "
                        + file.trim() + " (" + e + ")");
            }
            if (key.isEmpty()) {
                throw refusal(elementName, "is empty and so is the file " + FILE_PROPERTY + " names: " + file.trim());
            }
            return key;
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        return fromEnvironment == null ? "" : fromEnvironment.strip();
    }

    private static InvalidSettingsException refusal(String elementName, String problem) {
        return new InvalidSettingsException(OrderSummarySchema.INSTANCE.elementKind(), elementName,
                List.of(OrderSummarySchema.ADMIN_KEY.describe() + ": " + problem));
    }
}
