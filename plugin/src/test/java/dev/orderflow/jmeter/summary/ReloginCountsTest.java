package dev.orderflow.jmeter.summary;

import static dev.orderflow.jmeter.summary.FlowSamples.attemptStart;
import static dev.orderflow.jmeter.summary.FlowSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.flow.Relogin;

/** Re-logins after a 401 are counted apart, and the steps that needed them count exactly once. */
class ReloginCountsTest {

    private static OrderFlowSampleResult relogged(OrderFlowSampleResult sample, Relogin relogin) {
        sample.setRelogin(relogin);
        return sample;
    }

    @Test
    void stepsThatLoggedInAgainCountOnceAndTheReloginsApart() {
        OrderFunnel funnel = new OrderFunnel();
        List.of(sample(FlowStep.LOGIN, true, "200"),
                relogged(attemptStart(FlowStep.PRODUCTS, true, "200"), Relogin.SUCCEEDED),
                sample(FlowStep.CART, true, "201"),
                relogged(sample(FlowStep.ORDER, true, "201"), Relogin.SUCCEEDED),
                attemptStart(FlowStep.PRODUCTS, true, "200"),
                relogged(sample(FlowStep.CART, false, "400"), Relogin.FAILED))
                .forEach(funnel::record);

        FunnelCounts counts = funnel.counts();

        assertThat(counts.relogins()).isEqualTo(3);
        assertThat(counts.reloginFailures()).isEqualTo(1);
        assertThat(counts.ordersAttempted()).isEqualTo(2);
        assertThat(counts.ordersCreated()).isEqualTo(1);
        assertThat(counts.cartFailures()).isEqualTo(1);
        assertThat(counts.loginFailures()).as("a failed re-login is not a Login sample's failure").isZero();
    }

    @Test
    void summaryJsonAndTextShowTheRelogins() throws Exception {
        FunnelCounts funnel = new FunnelCounts(0, 0, 40, 39, 0, 1, new TreeMap<>(), 12, 1);
        RunCounts counts = new RunCounts(funnel, List.of(), 100, 1, 1_700_000_000_000L, 1_700_000_010_000L, 1);
        RunSummary summary = RunSummary.of(new RunSettings("Order summary", Path.of("unused"), "",
                ThresholdLimits.NONE, null), counts, 1, null);

        JsonNode json = SummaryJson.MAPPER.readTree(SummaryJson.write(summary));

        assertThat(json.get("relogins").asLong()).isEqualTo(12);
        assertThat(json.get("relogin_failures").asLong()).isEqualTo(1);
        assertThat(SummaryText.render(summary).lines()).contains("Re-logins:            12 after a 401 (1 failed)");
        assertThat(SummaryText.live(counts).lines()).contains("Re-logins:            12 after a 401 (1 failed)");
    }

    @Test
    void aFunnelWithoutReloginsSaysZero() {
        assertThat(FunnelCounts.EMPTY.relogins()).isZero();
        assertThat(new FunnelCounts(0, 0, 1, 1, 0, 0, new TreeMap<>()).reloginFailures()).isZero();
    }
}
