package dev.orderflow.jmeter.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one reader of every orderflow element's settings: typed reads, every problem collected and named. */
class SettingsReaderTest {

    /** A small schema of each kind of setting. */
    static final class Example extends OrderFlowSchema {
        static final Example INSTANCE = new Example();
        static final Setting PORT = INSTANCE.text("port", "Port", "8000", "a port");
        static final Setting RATE = INSTANCE.text("rate", "Rate (%)", "", "a percentage");
        static final Setting MODE = INSTANCE.choice("mode", "Mode", "fast", "how", "fast", "slow", "off");
        static final Setting KEY = INSTANCE.secret("key", "Key", "", "a secret");
        static final Setting ON = INSTANCE.flag("on", "On", true, "a flag");

        private Example() {
            super("Example", "An element for tests.");
        }
    }

    private static SettingsReader reader(Map<Setting, String> values) {
        return SettingsReader.of(Example.INSTANCE, "x", values::get);
    }

    @Test
    void readsTypedValuesAndTakesTheDefaultOfAnAbsentOne() {
        SettingsReader read = reader(Map.of(Example.RATE, " 12.5 ", Example.MODE, "SLOW"));

        assertThat(read.integer(Example.PORT, 1, 65535)).isEqualTo(8000);
        assertThat(read.optionalNumber(Example.RATE, 0, 100)).isEqualTo(12.5);
        assertThat(read.choice(Example.MODE)).isEqualTo("slow");
        assertThat(read.flag(Example.ON)).isTrue();
        read.check();
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void collectsEveryProblemAndNamesTheElementAndEachField() {
        Map<Setting, String> values = new HashMap<>();
        values.put(Example.PORT, "abc");
        values.put(Example.RATE, "101");
        values.put(Example.MODE, "medium");
        values.put(Example.ON, "yes");
        SettingsReader read = reader(values);
        read.integer(Example.PORT, 1, 65535);
        read.optionalNumber(Example.RATE, 0, 100);
        read.choice(Example.MODE);
        read.flag(Example.ON);

        assertThatThrownBy(read::check).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("Example 'x': Port (port): 'abc' is not a whole number; Rate (%) (rate): '101' is not "
                        + "from 0 to 100; Mode (mode): 'medium' is not fast, slow or off; On (on): 'yes' is not true "
                        + "or false");
    }

    @Test
    void neverQuotesASecret() {
        SettingsReader read = reader(Map.of(Example.KEY, "hunter2"));
        read.integer(Example.KEY, 0, 1);

        assertThatThrownBy(read::check).hasMessageNotContaining("hunter2").hasMessageContaining("Key (key): ");
    }

    @Test
    void everySettingIsRegisteredInJMetersSchemaUnderItsSavedName() {
        assertThat(Example.INSTANCE.getProperties()).containsOnlyKeys("port", "rate", "mode", "key", "on");
        assertThat(Example.INSTANCE.getProperties().get("on").getDefaultValue()).isEqualTo(Boolean.TRUE);
        assertThat(Example.INSTANCE.menuLabel()).isEqualTo("orderflow: Example");
    }
}
