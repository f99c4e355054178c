package dev.orderflow.jmeter.threads;

import static dev.orderflow.jmeter.threads.ThreadGroupPlans.stages;
import static dev.orderflow.jmeter.threads.ThreadGroupPlans.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.jmeter.engine.StandardJMeterEngine;
import org.apache.jmeter.threads.JMeterThread;
import org.apache.jmeter.threads.ListenerNotifier;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.collections.ListedHashTree;
import org.apache.jorphan.util.JMeterStopTestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.threads.UserTimeline.Event;
import dev.orderflow.jmeter.threads.UserTimeline.Kind;
import dev.orderflow.jmeter.threads.run.UserThreads;
import dev.orderflow.jmeter.threads.shape.ShapeKind;

/**
 * Real runs of the thread group on JMeter's engine in this JVM, measured from inside the users' own
 * threads ({@link UserTimeline}): when each user started and ended, when each sample started and ended.
 * Times are relative to the first user's start. Each run takes a few seconds.
 *
 * <p>Tests taking a thread kind run with platform threads, and with virtual threads too when the JVM
 * has them (Java 21+: run this class on Temurin 25 as the README of bench/threads says).
 */
class OrderFlowThreadGroupRunTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static Stream<Boolean> threadKinds() {
        return UserThreads.virtualThreadsAvailable() ? Stream.of(true, false) : Stream.of(false);
    }

    @ParameterizedTest(name = "virtual threads: {0}")
    @MethodSource("threadKinds")
    void usersStartEvenlyAtTheSpawnRateAndTheTargetHoldsOnceTheRampIsDone(boolean virtual) throws Exception {
        ObservedThreadGroup group = users("ramp", 240, 40, "7", "");
        OrderFlowThreadGroupSchema.VIRTUAL_THREADS.write(group, Boolean.toString(virtual));
        OrderFlowThreadGroupSchema.STOP_GRACE.write(group, "2");
        UserTimeline timeline = new UserTimeline();

        // One-second samples: the users themselves keep the machine's two cores as free as they can.
        ThreadGroupPlans.run(group, TIMEOUT, PausingSampler.pausing(1000), timeline);
        timeline.from(group);

        List<Double> starts = timeline.userStartSeconds();
        assertThat(starts).hasSize(240);
        // Achieved spawn rate within 5 % over every 5-s window of the 6-s ramp: 200 users ± 10.
        for (double from = 0; from <= 1.0; from += 0.05) {
            double start = from;
            long inWindow = starts.stream().filter(s -> s >= start && s < start + 5).count();
            assertThat(inWindow).as("users started in [%.2f, %.2f) s; %s", start, start + 5, longestPause(starts))
                    .isBetween(190L, 210L);
        }
        // Spread evenly, not in bursts: most quarter seconds of the ramp start about 10 users (a burst once
        // a second would leave three quarters out of four empty). A stall of the shared machine, caught up
        // right after, may upset a few quarters.
        long evenQuarters = IntStream.range(0, 24).filter(q -> {
            long inQuarter = starts.stream().filter(s -> s >= q * 0.25 && s < (q + 1) * 0.25).count();
            return inQuarter >= 7 && inQuarter <= 13;
        }).count();
        assertThat(evenQuarters).as("quarter seconds with 7 to 13 users started, of 24").isGreaterThanOrEqualTo(20);
        assertThat(timeline.activeAt(6.5)).isBetween(239, 241);
        assertThat(timeline.events(Kind.USER_STARTED)).allSatisfy(e -> {
            assertThat(e.virtualThread()).isEqualTo(virtual);
            assertThat(e.userVariable()).isEqualTo(Integer.toString(e.userNumber()));
        });
        assertThat(timeline.events(Kind.USER_STARTED)).extracting(Event::userNumber)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 240).boxed().toList());
        // At the end of the run time users finished their sample: none was cut short.
        assertThat(timeline.sampleSeconds()).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(0.99));
        assertThat(timeline.events(Kind.USER_ENDED)).hasSize(240);
        assertThat(group.numberOfActiveThreads()).isZero();
    }

    @ParameterizedTest(name = "virtual threads: {0}")
    @MethodSource("threadKinds")
    void stagesGoUpAndDownRetiringTheNewestUsersAtTheEndOfTheirIterationAndReusingFreedNumbers(boolean virtual)
            throws Exception {
        ObservedThreadGroup group = stages("stages", "2|20|20", "4|40|20", "6|10|30", "7.5|25|30");
        OrderFlowThreadGroupSchema.VIRTUAL_THREADS.write(group, Boolean.toString(virtual));
        UserTimeline timeline = new UserTimeline();

        ThreadGroupPlans.run(group, TIMEOUT, PausingSampler.pausing(100), timeline);
        timeline.from(group);

        // Half-way between the end of each ramp and the next stage.
        assertThat(timeline.activeAt(1.5)).isBetween(19, 21);
        assertThat(timeline.activeAt(3.5)).isBetween(39, 41);
        assertThat(timeline.activeAt(5.5)).isBetween(9, 11);
        assertThat(timeline.activeAt(7.0)).isBetween(24, 26);
        // Going down, the users with the highest numbers left; going up again, the freed numbers came back.
        assertThat(timeline.aliveAt(5.5)).isEqualTo(range(0, 10));
        assertThat(timeline.aliveAt(7.0)).isEqualTo(range(0, 25));
        // 30 users retired at 30/s: their ends are spread over about a second, not all at once.
        List<Double> retired = timeline.events(Kind.USER_ENDED).stream().map(timeline::secondsOf)
                .filter(s -> s > 3.9 && s < 5.6).toList();
        assertThat(retired).hasSize(30);
        assertThat(retired.get(29) - retired.get(0)).isGreaterThan(0.7);
        // Each retired user ended at the end of an iteration: its last act was finishing a whole sample.
        for (int user = 10; user < 40; user++) {
            List<Event> life = timeline.eventsOf(user).stream().filter(e -> timeline.secondsOf(e) < 5.6).toList();
            assertThat(life.get(life.size() - 1).kind()).isEqualTo(Kind.USER_ENDED);
            assertThat(life.get(life.size() - 2).kind()).isEqualTo(Kind.SAMPLE_ENDED);
        }
        assertThat(timeline.sampleSeconds()).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(0.09));
        assertThat(timeline.activeAt(9)).isZero();
    }

    @Test
    void aStageGoingBackUpKeepsUsersThatWereRetiringInsteadOfStartingNewOnes() throws Exception {
        // The 20 users (all started within 0.2 s, given 2 s) are mid-way through their first 2.5-s iteration
        // when the target drops to 5 (at 2 s) and rises back to 20 (at 2.3 s).
        ObservedThreadGroup group = stages("down and up", "2|20|100", "2.3|5|100", "4|20|100");
        OrderFlowThreadGroupSchema.STOP_GRACE.write(group, "3");
        UserTimeline timeline = new UserTimeline();

        ThreadGroupPlans.run(group, TIMEOUT, PausingSampler.pausing(2500), timeline);
        timeline.from(group);

        assertThat(timeline.events(Kind.USER_STARTED)).hasSize(20);
        assertThat(timeline.events(Kind.USER_ENDED))
                .allSatisfy(e -> assertThat(timeline.secondsOf(e)).isGreaterThan(3.9));
        assertThat(timeline.aliveAt(3.5)).isEqualTo(range(0, 20));
    }

    @Test
    void aShapeScriptIsFollowedTickByTickAtTheTimeScaleAndEndsTheTestWithNull() throws Exception {
        ObservedThreadGroup group = ThreadGroupPlans.group("scripted");
        group.setShape(ShapeKind.SCRIPT);
        OrderFlowThreadGroupSchema.TIME_SCALE.write(group, "0.5");
        OrderFlowThreadGroupSchema.SCRIPT.write(group, """
                def tick(elapsedSeconds) {
                    if (elapsedSeconds < 4) return [10, 20]
                    if (elapsedSeconds < 8) return [30, 20]
                    if (elapsedSeconds < 10) return [5, 50]
                    return null
                }
                """);
        UserTimeline timeline = new UserTimeline();

        ThreadGroupPlans.run(group, TIMEOUT, PausingSampler.pausing(100), timeline);
        timeline.from(group);

        // Shape seconds 0–4, 4–8, 8–10 run in 0–2, 2–4, 4–5 s; the rates (per shape second) double.
        assertThat(timeline.userStartSeconds().get(9)).isLessThan(0.5);
        assertThat(timeline.activeAt(1.5)).isBetween(9, 11);
        assertThat(timeline.activeAt(3.5)).isBetween(29, 31);
        assertThat(timeline.activeAt(4.8)).isBetween(4, 6);
        // The shape ends at 5 s (less the time the group took to start its very first user, the origin here).
        double lastEnd = timeline.secondsOf(timeline.events(Kind.USER_ENDED).get(29));
        assertThat(lastEnd).isBetween(4.8, 7.0);
    }

    @Test
    void theTimeScaleCompressesStageTimesAndEveryFieldTakesPropertyExpressions() throws Exception {
        JMeterUtils.setProperty("orderflow.test.timescale", "0.1");
        try {
            ObservedThreadGroup group = stages("scaled",
                    "${__P(orderflow.test.stage1,20)} | ${__P(orderflow.test.users,12)} | 6",
                    "40 | 24 | ${__P(orderflow.test.rate,6)}");
            OrderFlowThreadGroupSchema.TIME_SCALE.write(group, "${__P(orderflow.test.timescale,1)}");
            UserTimeline timeline = new UserTimeline();
            long before = System.nanoTime();

            ThreadGroupPlans.run(group, TIMEOUT, PausingSampler.pausing(100), timeline);
        timeline.from(group);

            double took = (System.nanoTime() - before) / 1e9;
            // 40 s of shape in 4 s; 6 users/s of shape time are 60 users/s of the run.
            assertThat(took).isBetween(3.9, 7.0);
            assertThat(timeline.userStartSeconds().get(11)).isLessThan(0.5);
            assertThat(timeline.activeAt(1.5)).isBetween(11, 13);
            assertThat(timeline.activeAt(3.5)).isBetween(23, 25);
        } finally {
            JMeterUtils.getJMeterProperties().remove("orderflow.test.timescale");
        }
    }

    @Test
    void usersWithIterationsRunThemAndEndAndTheTestEndsWhenTheyAllHave() throws Exception {
        ObservedThreadGroup group = users("iterations", 15, 30, "", "3");
        UserTimeline timeline = new UserTimeline();
        long before = System.nanoTime();

        ThreadGroupPlans.run(group, TIMEOUT, PausingSampler.pausing(50), timeline);
        timeline.from(group);

        double took = (System.nanoTime() - before) / 1e9;
        Map<Integer, Long> samplesPerUser = timeline.events(Kind.SAMPLE_ENDED).stream()
                .collect(Collectors.groupingBy(Event::userNumber, Collectors.counting()));
        assertThat(samplesPerUser).hasSize(15).allSatisfy((user, samples) -> assertThat(samples).isEqualTo(3L));
        assertThat(samplesPerUser.keySet()).isEqualTo(range(0, 15));
        assertThat(timeline.events(Kind.USER_ENDED)).hasSize(15);
        // Not replaced: a user that has done its iterations stays done.
        assertThat(timeline.events(Kind.USER_STARTED)).hasSize(15);
        assertThat(took).isLessThan(5.0);
    }

    @ParameterizedTest(name = "virtual threads: {0}")
    @MethodSource("threadKinds")
    void aGracefulStopLetsEveryUserFinishItsSampleAndStartNoOther(boolean virtual) throws Exception {
        ObservedThreadGroup group = users("graceful", 20, 100, "60", "");
        OrderFlowThreadGroupSchema.VIRTUAL_THREADS.write(group, Boolean.toString(virtual));
        UserTimeline timeline = new UserTimeline(20);
        try (JMeterEnvironment.RunningTest test =
                     ThreadGroupPlans.start(group, PausingSampler.pausing(300), timeline)) {
            assertThat(timeline.awaitUsersStarted(20, TimeUnit.SECONDS)).isTrue();
            test.stopTest(false);
            test.awaitEnd(Duration.ofSeconds(10));
        }
        // The engine stops a test on a thread of its own: measure from when it told the group.
        long stopAt = group.stopAskedNanos();
        assertThat(stopAt).isNotZero();

        for (int user = 0; user < 20; user++) {
            List<Event> afterStop = timeline.eventsOf(user).stream().filter(e -> e.nanos() > stopAt).toList();
            assertThat(afterStop.stream().filter(e -> e.kind() == Kind.SAMPLE_STARTED).count())
                    .as("samples user %d started after the stop (one may have been starting as it came)", user)
                    .isLessThanOrEqualTo(1);
            // A user that had only just started when the stop came ends without a sample in flight.
            int firstEnd = indexOf(afterStop, Kind.SAMPLE_ENDED);
            assertThat(afterStop.subList(firstEnd + 1, afterStop.size())).extracting(Event::kind)
                    .as("user %d after finishing its sample", user).containsExactly(Kind.USER_ENDED);
        }
        assertThat(timeline.sampleSeconds()).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(0.29));
        double lastEndAfterStop = (timeline.events(Kind.USER_ENDED).get(19).nanos() - stopAt) / 1e9;
        // 300-ms samples: well within 3 s even on a busy machine.
        assertThat(lastEndAfterStop).isLessThan(3.0);
        assertThat(group.numberOfActiveThreads()).isZero();
    }

    @ParameterizedTest(name = "virtual threads: {0}")
    @MethodSource("threadKinds")
    void aHardStopInterruptsUsersInTheMiddleOfTheirSample(boolean virtual) throws Exception {
        ObservedThreadGroup group = users("hard", 10, 100, "60", "");
        OrderFlowThreadGroupSchema.VIRTUAL_THREADS.write(group, Boolean.toString(virtual));
        UserTimeline timeline = new UserTimeline(10);
        long stopAt;
        try (JMeterEnvironment.RunningTest test =
                     ThreadGroupPlans.start(group, PausingSampler.pausing(30_000), timeline)) {
            assertThat(timeline.awaitUsersStarted(20, TimeUnit.SECONDS)).isTrue();
            assertThat(timeline.awaitSamplesStarted(20, TimeUnit.SECONDS)).isTrue();
            stopAt = System.nanoTime();
            test.stopTest(true);
            test.awaitEnd(Duration.ofSeconds(10));
        }

        assertThat(timeline.events(Kind.USER_ENDED)).hasSize(10);
        double lastEndAfterStop = (timeline.events(Kind.USER_ENDED).get(9).nanos() - stopAt) / 1e9;
        // 30-s samples, interrupted at once: a few seconds at most even on a busy machine.
        assertThat(lastEndAfterStop).isLessThan(5.0);
        assertThat(timeline.sampleSeconds()).hasSize(10).allSatisfy(s -> assertThat(s).isLessThan(8.0));
    }

    @Test
    void usersStillBusyAfterTheGracePeriodAtThePlannedEndAreInterrupted() throws Exception {
        ObservedThreadGroup group = users("grace", 5, 50, "1", "");
        OrderFlowThreadGroupSchema.STOP_GRACE.write(group, "0.5");
        UserTimeline timeline = new UserTimeline();

        ThreadGroupPlans.run(group, TIMEOUT, PausingSampler.pausing(20_000), timeline);
        timeline.from(group);

        List<Double> ends = timeline.events(Kind.USER_ENDED).stream().map(timeline::secondsOf).toList();
        // Run time 1 s + grace 0.5 s, then interrupted; the 20-s samples never finish.
        assertThat(ends).hasSize(5).allSatisfy(end -> assertThat(end).isBetween(1.4, 5.0));
        assertThat(timeline.sampleSeconds()).allSatisfy(s -> assertThat(s).isLessThan(5.0));
    }

    @Test
    void aShapeScriptFailingDuringTheRunStopsTheTest() throws Exception {
        ObservedThreadGroup group = ThreadGroupPlans.group("failing script");
        group.setShape(ShapeKind.SCRIPT);
        OrderFlowThreadGroupSchema.SCRIPT.write(group, """
                def tick(t) {
                    if (t < 1) return [5, 50]
                    throw new IllegalStateException('the shape broke')
                }
                """);
        UserTimeline timeline = new UserTimeline();

        ThreadGroupPlans.run(group, Duration.ofSeconds(20), PausingSampler.pausing(100), timeline);
        timeline.from(group);

        assertThat(timeline.events(Kind.USER_ENDED)).hasSize(5);
        assertThat(timeline.secondsOf(timeline.events(Kind.USER_ENDED).get(4))).as(timeline.describe())
                .isBetween(0.9, 2.5);
    }

    @Test
    void badSettingsRefuseToStartNamingTheField() {
        ObservedThreadGroup group = users("orders", -5, 10, "60", "");

        assertThatThrownBy(() ->
                group.start(1, new ListenerNotifier(), new ListedHashTree(group), new StandardJMeterEngine()))
                .isInstanceOf(JMeterStopTestException.class)
                .hasMessage("OrderFlowThreadGroup 'orders' cannot start:"
                        + " Users: must be a whole number of 0 or more, got '-5'");
    }

    @Test
    void aMainControllerThatWouldRepeatForeverRefusesToStart() {
        ObservedThreadGroup group = users("orders", 5, 10, "", "1");
        ((UserLoopController) group.getSamplerController()).setContinueForever(true);

        assertThatThrownBy(() ->
                group.start(1, new ListenerNotifier(), new ListedHashTree(group), new StandardJMeterEngine()))
                .hasMessage("OrderFlowThreadGroup 'orders' cannot start: Main controller: must be a UserLoopController"
                        + " that ends after its last iteration; open and save the plan in JMeter to repair it");
    }

    @Test
    void aTestWithBadSettingsEndsWithoutStartingAnyUser() throws Exception {
        ObservedThreadGroup group = users("zero rate", 10, 0, "60", "");
        UserTimeline timeline = new UserTimeline();
        long before = System.nanoTime();

        ThreadGroupPlans.run(group, Duration.ofSeconds(20), PausingSampler.pausing(100), timeline);
        timeline.from(group);

        assertThat(timeline.events()).isEmpty();
        assertThat((System.nanoTime() - before) / 1e9).isLessThan(5.0);
    }

    @Test
    void aUserCanBeAddedBeyondTheShapeAndStoppedByName() throws Exception {
        ObservedThreadGroup group = users("manual", 3, 100, "60", "");
        UserTimeline timeline = new UserTimeline(3);
        try (JMeterEnvironment.RunningTest test = ThreadGroupPlans.start(group, PausingSampler.pausing(50), timeline)) {
            assertThat(timeline.awaitUsersStarted(20, TimeUnit.SECONDS)).isTrue();

            JMeterThread extra = group.addNewThread(0, null);

            assertThat(extra.getThreadNum()).isEqualTo(3);
            assertThat(group.stopThread(extra.getThreadName(), true)).isTrue();
            assertThat(group.stopThread("nobody", false)).isFalse();
            assertThat(group.numberOfActiveThreads()).isBetween(3, 4);
            test.stopTest(false);
            test.awaitEnd(Duration.ofSeconds(10));
        }
        assertThat(group.verifyThreadsStopped()).isTrue();
        assertThat(group.addNewThread(0, null)).isNull();
        assertThat(timeline.events(Kind.USER_STARTED)).extracting(Event::userNumber).contains(3);
    }

    private static java.util.Set<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The index of the first event of that kind, or -1 when there is none. */
    /** The longest time between two consecutive user starts, and when: a stall of the machine shows here. */
    private static String longestPause(List<Double> starts) {
        double longest = 0;
        double at = 0;
        for (int i = 1; i < starts.size(); i++) {
            if (starts.get(i) - starts.get(i - 1) > longest) {
                longest = starts.get(i) - starts.get(i - 1);
                at = starts.get(i - 1);
            }
        }
        return String.format("longest pause between two starts %.3f s after %.3f s", longest, at);
    }

    private static int indexOf(List<Event> events, Kind kind) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }
}
