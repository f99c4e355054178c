package dev.orderflow.jmeter.threads.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.jmeter.util.JMeterUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orderflow.jmeter.testing.JMeterEnvironment;

class LoadScaleTest {

    @BeforeAll
    static void jmeter() {
        JMeterEnvironment.init();
    }

    @AfterEach
    void fullScaleAgain() {
        JMeterUtils.setProperty(LoadScale.SCALE_PROPERTY, "1");
        JMeterUtils.setProperty(LoadScale.TIMESCALE_PROPERTY, "1");
    }

    @Test
    void theJMeterPropertiesGiveTheScaleAndEmptyOnesAreFullScale() {
        JMeterUtils.setProperty(LoadScale.SCALE_PROPERTY, " 0.05 ");
        JMeterUtils.setProperty(LoadScale.TIMESCALE_PROPERTY, "");

        LoadScale scale = LoadScale.fromJMeterProperties();

        assertThat(scale).isEqualTo(new LoadScale(0.05, 1));
        assertThat(scale.describe()).isEqualTo("scale 0.05");
        assertThat(new LoadScale(1, 0.05).describe()).isEqualTo("timescale 0.05");
        assertThat(LoadScale.FULL.isFull()).isTrue();
    }

    @Test
    void aFactorThatIsNoPositiveNumberIsRefusedNamingTheProperty() {
        JMeterUtils.setProperty(LoadScale.TIMESCALE_PROPERTY, "0");
        assertThatThrownBy(LoadScale::fromJMeterProperties)
                .isInstanceOf(ShapeDefinitionException.class)
                .hasMessage("JMeter property timescale: must be more than 0, got '0'");

        JMeterUtils.setProperty(LoadScale.SCALE_PROPERTY, "5%");
        assertThatThrownBy(LoadScale::fromJMeterProperties)
                .hasMessage("JMeter property scale: must be a number, got '5%'");
    }
}
