package dev.orderflow.jmeter.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.jmeter.engine.util.CompoundVariable;
import org.apache.jmeter.testelement.property.FunctionProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.threads.shape.ShapeSettings.StageText;

/** The fields of an older plan that scale their own numbers are found, as written and as a running test holds them. */
class ScaledTwiceTest {

    private static final String OLD_USERS = "${__jexl3(x = 1000 * ${__P(scale,1)}; x < 1 ? 1 : (x + 0.5).intValue())}";

    @BeforeAll
    static void jmeter() {
        JMeterEnvironment.init();
    }

    @Test
    void plainNumbersAndOtherPropertiesAreNotScaledTwice() {
        OrderFlowThreadGroup group = new OrderFlowThreadGroup();
        OrderFlowThreadGroupSchema.USERS.write(group, "1000");
        OrderFlowThreadGroupSchema.SPAWN_RATE.write(group, "${__P(spawn_rate,100)}");
        OrderFlowThreadGroupSchema.RUN_TIME.write(group, "${__P(duration,600)}");

        assertThat(ScaledTwice.fields(group)).isEmpty();
    }

    @Test
    void fieldsAndStageCellsThatReadScaleOrTimescaleAreNamed() {
        OrderFlowThreadGroup group = new OrderFlowThreadGroup();
        OrderFlowThreadGroupSchema.USERS.write(group, OLD_USERS);
        group.setStages(List.of(new StageText("${__jexl3(60 * ${__property(timescale,,1)})}", "100", "10")));

        assertThat(ScaledTwice.fields(group)).containsExactly(OrderFlowThreadGroupSchema.USERS.name(),
                OrderFlowThreadGroupSchema.StageRowSchema.UNTIL.name());
    }

    @Test
    void aRunningTestsCompiledExpressionIsReadAsWritten() throws Exception {
        OrderFlowThreadGroup group = new OrderFlowThreadGroup();
        CompoundVariable compiled = new CompoundVariable(OLD_USERS);
        group.setProperty(new FunctionProperty(OrderFlowThreadGroupSchema.USERS.name(), compiled));

        assertThat(ScaledTwice.fields(group)).containsExactly(OrderFlowThreadGroupSchema.USERS.name());
    }
}
