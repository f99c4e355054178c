package dev.orderflow.jmeter.summary;

import static dev.orderflow.jmeter.summary.FlowSamples.attemptStart;
import static dev.orderflow.jmeter.summary.FlowSamples.sample;
import static dev.orderflow.jmeter.summary.FlowSamples.unknownOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;

class OrderFunnelTest {

    /**
     * iterations as the samplers produce them → expected login failures, attempted, created, unknown, cart failures,
     * failed, cut off, rejections
     */
    static Stream<Arguments> iterations() {
        return Stream.of(
                Arguments.of("a created order", List.of(
                        sample(FlowStep.LOGIN, true, "200"),
                        attemptStart(FlowStep.PRODUCTS, true, "200"),
                        sample(FlowStep.CART, true, "201"),
                        sample(FlowStep.ORDER, true, "201")),
                        new long[] {0, 1, 1, 0, 0, 0, 0}, Map.of()),
                Arguments.of("a failed login ends the iteration before any attempt", List.of(
                        sample(FlowStep.LOGIN, false, "400")),
                        new long[] {1, 0, 0, 0, 0, 0, 0}, Map.of()),
                Arguments.of("a cart failure is an attempt that failed", List.of(
                        attemptStart(FlowStep.PRODUCTS, true, "200"),
                        sample(FlowStep.CART, false, "409")),
                        new long[] {0, 1, 0, 0, 1, 1, 0}, Map.of()),
                Arguments.of("a rejected order is counted by its code", List.of(
                        attemptStart(FlowStep.CART, true, "201"),
                        sample(FlowStep.ORDER, false, "409"),
                        attemptStart(FlowStep.CART, true, "201"),
                        sample(FlowStep.ORDER, false, "500"),
                        attemptStart(FlowStep.CART, true, "201"),
                        sample(FlowStep.ORDER, false, "500")),
                        new long[] {0, 3, 0, 0, 0, 3, 0}, Map.of("409", 1L, "500", 2L)),
                Arguments.of("an order without answer is unknown, not failed", List.of(
                        attemptStart(FlowStep.PRODUCTS, true, "200"),
                        sample(FlowStep.CART, true, "201"),
                        unknownOrder()),
                        new long[] {0, 1, 0, 1, 0, 0, 0}, Map.of()),
                Arguments.of("a failed order without a response code goes to the 'none' bucket", List.of(
                        attemptStart(FlowStep.ORDER, false, "")),
                        new long[] {0, 1, 0, 0, 0, 1, 0}, Map.of("none", 1L)),
                Arguments.of("a failed product list fails the attempt without a bucket of its own", List.of(
                        attemptStart(FlowStep.PRODUCTS, false, "503")),
                        new long[] {0, 1, 0, 0, 0, 1, 0}, Map.of()),
                Arguments.of("an attempt the run ended before its order was sent is cut off, not failed", List.of(
                        sample(FlowStep.LOGIN, true, "200"),
                        attemptStart(FlowStep.PRODUCTS, true, "200"),
                        sample(FlowStep.CART, true, "201"),
                        attemptStart(FlowStep.PRODUCTS, true, "200")),
                        new long[] {0, 2, 0, 0, 0, 0, 2}, Map.of()),
                Arguments.of("page samples count no order", List.of(
                        sample(FlowStep.PAGE, true, "200"),
                        sample(FlowStep.PAGE, false, "500")),
                        new long[] {0, 0, 0, 0, 0, 0, 0}, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("iterations")
    void countsEachSampleInItsBucket(String name, List<OrderFlowSampleResult> samples, long[] expected,
            Map<String, Long> rejections) {
        OrderFunnel funnel = new OrderFunnel();
        samples.forEach(funnel::record);

        FunnelCounts counts = funnel.counts();

        assertThat(new long[] {counts.loginFailures(), counts.ordersAttempted(), counts.ordersCreated(),
                counts.ordersUnknown(), counts.cartFailures(), counts.ordersFailed(), counts.ordersCutOff()})
                .containsExactly(expected);
        assertThat(counts.rejections()).containsExactlyInAnyOrderEntriesOf(rejections);
    }

    static Stream<Arguments> successRates() {
        return Stream.of(
                Arguments.of(0, 0, null),
                Arguments.of(1000, 950, 95.0),
                Arguments.of(3, 1, 100.0 / 3),
                Arguments.of(10, 0, 0.0));
    }

    @ParameterizedTest(name = "{1} created of {0} attempted is {2} %")
    @MethodSource("successRates")
    void successRateIsCreatedOverAttemptedInPercent(long attempted, long created, Double expected) {
        FunnelCounts counts = new FunnelCounts(0, 0, attempted, created, 0, 0, new java.util.TreeMap<>());

        assertThat(counts.successRatePct()).isEqualTo(expected);
    }
}
