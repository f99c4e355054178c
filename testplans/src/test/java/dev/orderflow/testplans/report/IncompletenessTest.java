package dev.orderflow.testplans.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class IncompletenessTest {

    private static JsonNode summary(String thresholds) throws Exception {
        return new ObjectMapper().readTree("{\"verdict\":\"fail\",\"thresholds\":[" + thresholds + "]}");
    }

    @Test
    void aRunThatLostAnEngineIsIncompleteWithTheSummarysReasons() throws Exception {
        JsonNode summary = summary(
                "{\"name\":\"planned_load\",\"passed\":false,\"detail\":\"no load report from engine(s) 2 of 2\"},"
                + "{\"name\":\"min_success_rate\",\"passed\":false,\"detail\":\"80 < 95\"},"
                + "{\"name\":\"engines\",\"passed\":false,\"detail\":\"engine 2 of 2 (127.0.0.1:1100) lost at 09:01:02 "
                + "UTC\"}");

        assertThat(Incompleteness.of(true, summary)).isEqualTo("planned_load: no load report from engine(s) 2 of 2; "
                + "engines: engine 2 of 2 (127.0.0.1:1100) lost at 09:01:02 UTC");
    }

    @Test
    void aRunThatFailedAThresholdOnlyRanToItsEnd() throws Exception {
        JsonNode summary = summary("{\"name\":\"planned_load\",\"passed\":true,\"detail\":\"held\"},"
                + "{\"name\":\"min_success_rate\",\"passed\":false,\"detail\":\"80 < 95\"}");

        assertThat(Incompleteness.of(true, summary)).isNull();
    }

    @Test
    void aRunWithoutSummaryOrResultsSaysSo() {
        assertThat(Incompleteness.of(true, null)).startsWith("JMeter ended before the order summary listener wrote");
        assertThat(Incompleteness.of(false, null)).contains("no results file");
    }
}
