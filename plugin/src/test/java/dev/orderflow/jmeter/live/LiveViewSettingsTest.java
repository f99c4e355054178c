package dev.orderflow.jmeter.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import dev.orderflow.jmeter.element.InvalidSettingsException;
import dev.orderflow.jmeter.element.StartRefusals;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.element.SettingsReader;
import dev.orderflow.jmeter.testing.JMeterEnvironment;

/** The live view's fields: off, any free port, a port, and refusals that name the field. */
class LiveViewSettingsTest {

    private static LiveViewSettings read(String port, String address) {
        Map<Setting, String> values = Map.of(LiveViewSchema.PORT, port, LiveViewSchema.ADDRESS, address);
        return LiveViewSettings.read(SettingsReader.of(LiveViewSchema.INSTANCE, "live view", values::get));
    }

    @Test
    void offOrEmptyMeansNoLiveView() {
        assertThat(read("off", "127.0.0.1")).isNull();
        assertThat(read(" OFF ", "")).isNull();
        assertThat(read("", "127.0.0.1")).isNull();
    }

    @Test
    void listensOnLoopbackUnlessAnAddressIsSet() {
        LiveViewSettings settings = read("0", "");
        assertThat(settings.port()).isZero();
        assertThat(settings.address().isLoopbackAddress()).isTrue();
        assertThat(read("8089", "0.0.0.0").address().isAnyLocalAddress()).isTrue();
    }

    @Test
    void refusesAPortThatIsNotOneNamingTheField() {
        assertThatThrownBy(() -> read("80a9", "127.0.0.1")).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("Live view 'live view': " + LiveViewSchema.PORT.describe()
                        + ": '80a9' is not a port from 0 to 65535, or off");
        assertThatThrownBy(() -> read("70000", "127.0.0.1")).hasMessageContaining(LiveViewSchema.PORT.label());
    }

    @Test
    void refusesAnAddressThatDoesNotResolveNamingTheField() {
        assertThatThrownBy(() -> read("0", "no-such-host.invalid")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(LiveViewSchema.ADDRESS.label()).hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void aWrongFieldRefusesTheRunThroughTheRefusalsTheVerdictReads() {
        JMeterEnvironment.init();
        LiveViewListener live = new LiveViewListener();
        live.setName("live");
        LiveViewSchema.PORT.write(live, "80a9");

        live.testStarted();

        assertThat(StartRefusals.ofLastRefusedTest()).last().asString()
                .isEqualTo("Live view 'live': " + LiveViewSchema.PORT.describe() + ": '80a9' is not a port from 0 to"
                        + " 65535, or off");
        assertThat(live.address()).as("no page served").isNull();
    }
}
