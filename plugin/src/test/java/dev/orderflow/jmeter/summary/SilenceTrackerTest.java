package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jmeter.samplers.SampleResult;
import org.junit.jupiter.api.Test;

class SilenceTrackerTest {

    private static SampleResult sample(long startMs, String code, String message) {
        SampleResult sample = SampleResult.createTestSample(startMs, startMs + 10);
        sample.setResponseCode(code);
        sample.setResponseMessage(message);
        return sample;
    }

    private static SampleResult answered(long startMs) {
        return sample(startMs, "200", "OK");
    }

    private static SampleResult refused(long startMs) {
        return sample(startMs, SilenceTracker.NO_ANSWER_CODE + "connection refused",
                "connection refused by 127.0.0.1:8000");
    }

    @Test
    void theSilenceStartsAtTheFirstUnansweredRequestAfterTheLastAnswer() {
        SilenceTracker tracker = new SilenceTracker();
        tracker.record(answered(1_000));
        tracker.record(refused(1_500)); // a blip: answered again afterwards
        tracker.record(answered(2_000));
        tracker.record(refused(3_100));
        tracker.record(refused(3_000)); // recorded late, started first
        tracker.record(refused(4_000));

        assertThat(tracker.silence()).isEqualTo(new ShopSilence(3_000, 3, "connection refused by 127.0.0.1:8000"));
    }

    @Test
    void aShopThatAnsweredAfterItsFailuresWasNotDown() {
        SilenceTracker tracker = new SilenceTracker();
        tracker.record(refused(1_000));
        tracker.record(refused(1_200));
        tracker.record(answered(1_300));

        assertThat(tracker.silence()).isNull();
    }

    @Test
    void answersWithAnErrorStatusAreAnswersAndMisconfiguredSamplersAreNotTheShops() {
        SilenceTracker tracker = new SilenceTracker();
        tracker.record(sample(1_000, SilenceTracker.NO_ANSWER_CODE + "configuration", "no Shop connection"));
        tracker.record(sample(1_100, "503", "Service Unavailable"));

        assertThat(tracker.silence()).isNull();
    }
}
