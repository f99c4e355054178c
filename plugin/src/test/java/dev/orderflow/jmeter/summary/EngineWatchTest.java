package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The engine watch's rules on a clock of the test's own: who is lost, when, and why. */
class EngineWatchTest {

    private static final Duration LOST_AFTER = Duration.ofSeconds(15);

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final List<String> lost = new ArrayList<>();

    private EngineWatch watch(EngineWatch.Probe probe, Executor probes) {
        return new EngineWatch(probe, (host, lastAnswerMs, lostAtMs, cause) ->
                lost.add(host + " silent " + (lostAtMs - lastAnswerMs) / 1000 + " s: " + cause), clock::get, probes,
                LOST_AFTER);
    }

    private void every2sUntil(EngineWatch watch, long seconds) {
        for (long s = 0; s <= seconds; s += 2) {
            watch.tick();
            clock.addAndGet(2000);
        }
    }

    @Test
    void anEngineThatAnswersIsNeverLost() {
        EngineWatch watch = watch(host -> { }, Runnable::run);
        watch.watch("127.0.0.1:1099");

        every2sUntil(watch, 120);

        assertThat(lost).isEmpty();
    }

    @Test
    void anEngineThatRefusesIsLostOnceAfterTheLimitWithTheReason() {
        List<String> answering = new ArrayList<>(List.of("127.0.0.1:1099", "127.0.0.1:1100"));
        EngineWatch watch = watch(host -> {
            if (!answering.contains(host)) {
                throw new java.rmi.ConnectException("Connection refused to host: 127.0.0.1",
                        new ConnectException("Connection refused"));
            }
        }, Runnable::run);
        watch.watch("127.0.0.1:1099");
        watch.watch("127.0.0.1:1100");
        every2sUntil(watch, 10);
        answering.remove("127.0.0.1:1100"); // killed

        every2sUntil(watch, 12); // 14 s after its last answer
        assertThat(lost).isEmpty();
        every2sUntil(watch, 60);

        assertThat(lost).containsExactly("127.0.0.1:1100 silent 16 s: Connection refused");
    }

    @Test
    void anEngineThatHangsIsLostThoughItsProbeNeverReturns() {
        List<Runnable> neverRun = new ArrayList<>();
        EngineWatch watch = watch(host -> { }, neverRun::add);
        watch.watch("127.0.0.1:1099");

        every2sUntil(watch, 30);

        assertThat(neverRun).as("one question open at a time").hasSize(1);
        assertThat(lost).containsExactly("127.0.0.1:1099 silent 16 s: its RMI registry did not answer within 16 s");
    }

    @Test
    void anEngineTheControllerStartsThatAnswersButNeverStartsIsLostAfterTheStartLimit() {
        EngineWatch watch = watch(host -> { }, Runnable::run);
        watch.awaitStart("127.0.0.1:1099");
        watch.awaitStart("127.0.0.1:1100");
        every2sUntil(watch, 10);
        watch.started("127.0.0.1:1099");

        every2sUntil(watch, 120);

        assertThat(lost).containsExactly("127.0.0.1:1100 silent 2 s: it answers, but did not start its part of the run"
                + " within " + EngineWatch.START_LIMIT.toSeconds() + " s of the controller starting it");
    }

    @Test
    void anEngineThatDiesBeforeItStartsIsLostAfterTheSilenceLimit() {
        EngineWatch watch = watch(host -> {
            throw new java.rmi.ConnectException("Connection refused to host: 127.0.0.1",
                    new ConnectException("Connection refused"));
        }, Runnable::run);
        watch.awaitStart("127.0.0.1:1100");

        every2sUntil(watch, 30);

        assertThat(lost).containsExactly("127.0.0.1:1100 silent 16 s: Connection refused");
    }

    @Test
    void anEngineThatEndedIsNoLongerWatched() {
        EngineWatch watch = watch(host -> {
            throw new java.rmi.ConnectException("Connection refused to host: 127.0.0.1");
        }, Runnable::run);
        watch.watch("127.0.0.1:1099");
        every2sUntil(watch, 6);

        watch.forget("127.0.0.1:1099");
        every2sUntil(watch, 60);

        assertThat(lost).isEmpty();
    }

    @Test
    void aRunMayGiveItsEnginesLongerOrShorterThanTheDefaultToAnswer() {
        assertThat(EngineWatch.lostAfter(null)).isEqualTo(EngineWatch.LOST_AFTER);
        assertThat(EngineWatch.lostAfter(" ")).isEqualTo(EngineWatch.LOST_AFTER);
        assertThat(EngineWatch.lostAfter("40")).isEqualTo(Duration.ofSeconds(40));
        assertThat(EngineWatch.lostAfter("2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThat(EngineWatch.lostAfter("soon")).as("not a number: the default").isEqualTo(EngineWatch.LOST_AFTER);
        assertThat(EngineWatch.lostAfter("0")).as("no time at all: the default").isEqualTo(EngineWatch.LOST_AFTER);
    }
}
