package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.timers.UniformRandomTimer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.RecordingListener;
import dev.orderflow.jmeter.testing.ReferenceShop;

/**
 * A timed run against the real reference shop that ends by its shape, with think time before every request as
 * the shipped plans have: each virtual user logs in once, also in the last seconds, when JMeter ends a user whose
 * next pause would outlast the run.
 */
class OneLoginPerUserRunTest {

    @RegisterExtension
    static final ReferenceShop shop = new ReferenceShop();


    @Test
    void everyUserLogsInOnceThroughTheEndOfATimedRun() throws Exception {
        int users = 8;
        UniformRandomTimer think = new UniformRandomTimer();
        think.setName("think");
        think.setDelay("300");
        think.setRange(1200);
        think.setProperty(TestElement.TEST_CLASS, UniformRandomTimer.class.getName());
        RecordingListener listener = new RecordingListener();
        TestElement[] flow = TestPlans.orderFlow();
        TestElement[] samplers = new TestElement[flow.length + 1];
        System.arraycopy(flow, 0, samplers, 0, flow.length);
        samplers[flow.length] = think;

        JMeterEnvironment.run(Plans.plan(Plans.timedUsers(users, 8),
                new TestElement[] {Plans.shopConnection(shop.port(), Map.of()), listener}, samplers),
                Duration.ofSeconds(60));

        List<OrderFlowSampleResult> logins = listener.of(FlowStep.LOGIN);
        Map<Integer, Long> loginsByUser = logins.stream()
                .collect(Collectors.groupingBy(OrderFlowSampleResult::getUserNumber, Collectors.counting()));
        assertThat(listener.of(FlowStep.ORDER)).as("users ordered until the end").hasSizeGreaterThan(users);
        assertThat(loginsByUser).as("logins by user number").hasSize(users)
                .allSatisfy((user, count) -> assertThat(count).as("logins of user %d", user).isEqualTo(1));
        assertThat(logins).as("logins against %d users", users).hasSize(users);
    }
}
