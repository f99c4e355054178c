package dev.orderflow.jmeter.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jmeter.config.ConfigTestElement;
import org.apache.jmeter.testbeans.TestBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.jmeter.element.CheckedAtTestStart;
import dev.orderflow.jmeter.element.InvalidSettingsException;
import dev.orderflow.jmeter.element.SettingsReader;

/**
 * The shop the order-flow samplers talk to: address, timeouts, API paths, the shape of its requests
 * and answers, and the users to log in as.
 *
 * <p>Samplers find it the way JMeter's HTTP samplers find their defaults: through config element
 * scoping, the nearest shop connection above or beside a sampler applies to it. Each virtual user
 * works with its own copy of the element (JMeter clones config elements per thread), which reads its
 * settings ({@link ShopConnectionSchema}) into immutable {@link ShopSettings} on first use; nothing is
 * shared between threads but the read-only users file. The settings are rebuilt after deserialization, so the element
 * travels to remote engines in distributed runs like any other.
 *
 * <p>At test start the element checks every field and the users file; a wrong one stops the test
 * before any user starts, with a message naming this element and the field.
 */
public class ShopConnection extends ConfigTestElement implements TestBean, CheckedAtTestStart {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(ShopConnection.class);

    private transient ShopSettings settings;
    private transient UsersFile users;

    /** A shop connection with every field at its default; a JMX file's values replace them when it is loaded. */
    public ShopConnection() {
        ShopConnectionSchema.INSTANCE.applyDefaults(this);
    }

    @Override
    public void testStarted() {
        // the properties are this run's: reading one evaluates its expressions
        try {
            ShopSettings checked = ShopSettings.of(SettingsReader.of(ShopConnectionSchema.INSTANCE, this));
            UsersFile loaded = loadUsers(checked);
            ShopTransports.record(checked);
            log.info("Shop connection \"{}\": {} with {} users from {}", getName(), checked.endpoint().baseUrl(),
                    loaded.size(), loaded.path());
        } catch (InvalidSettingsException e) {
            CheckedAtTestStart.refuse(e.getMessage(), ShopConnectionSchema.INSTANCE.menuLabel());
        }
    }

    /**
     * The settings of this run, built on first use by the virtual user that owns this copy.
     *
     * @throws InvalidSettingsException when a field is wrong
     */
    public ShopSettings settings() {
        if (settings == null) {
            settings = ShopSettings.of(SettingsReader.of(ShopConnectionSchema.INSTANCE, this));
        }
        return settings;
    }

    /**
     * The users to log in as, read once per JVM.
     *
     * @throws InvalidSettingsException when the file cannot be read
     */
    public UsersFile users() {
        if (users == null) {
            users = loadUsers(settings());
        }
        return users;
    }

    private UsersFile loadUsers(ShopSettings checked) {
        String configured = checked.usersFile();
        Path found = UsersFileLocation.resolve(configured);
        if (found == null) {
            String tried = UsersFileLocation.candidates(configured).stream().map(Path::toString)
                    .collect(Collectors.joining(" or "));
            throw new InvalidSettingsException(ShopConnectionSchema.INSTANCE.elementKind(), getName(),
                    List.of(ShopConnectionSchema.USERS_FILE.describe() + ": '" + configured
                            + "' is not a readable file (looked for " + tried + ")"));
        }
        try {
            return UsersFile.of(found);
        } catch (IOException e) {
            throw new InvalidSettingsException(ShopConnectionSchema.INSTANCE.elementKind(), getName(),
                    List.of(ShopConnectionSchema.USERS_FILE.describe() + ": cannot be used: " + e.getMessage()));
        }
    }
}
