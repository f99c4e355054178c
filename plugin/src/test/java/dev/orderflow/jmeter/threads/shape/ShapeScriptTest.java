package dev.orderflow.jmeter.threads.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShapeScriptTest {

    /** Generous: these scripts return at once, and a loaded machine must not fail them. */
    static final Duration LIMIT = Duration.ofSeconds(10);

    @Test
    void aTickThatLoopsForeverFailsAtTheTimeLimitNamingTheLine() {
        ShapeScript.Ticker ticker = ShapeScript.compile("""
                def tick(t) {
                    if (t < 3) return [10, 1]
                    while (true) { }
                }
                """).newTicker(Duration.ofMillis(300));
        assertThat(ticker.tick(0)).contains(new Target(10, 1));

        long start = System.nanoTime();
        assertThatThrownBy(() -> ticker.tick(3))
                .isInstanceOf(ShapeDefinitionException.class)
                .hasMessage("Shape script line 3: did not return in tick(3.0) within 0.3 s (Tick time limit (s)):"
                        + " it loops or waits too long");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aScriptBodyThatNeverEndsFailsAtTheTimeLimit() {
        ShapeScript script = ShapeScript.compile("""
                def x = 0
                for (;;) { x++ }
                def tick(t) { [1, 1] }
                """);

        assertThatThrownBy(() -> script.newTicker(Duration.ofMillis(300)))
                .hasMessageStartingWith(
                        "Shape script line 2: did not return while running the script body within 0.3 s");
    }

    @Test
    void theLoopingScriptsThreadIsFreedByTheInterrupt() throws InterruptedException {
        ShapeScript.Ticker ticker = ShapeScript.compile("def tick(t) { while (true) { } }")
                .newTicker(Duration.ofMillis(200));
        assertThatThrownBy(() -> ticker.tick(0)).isInstanceOf(ShapeDefinitionException.class);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (scriptThreadsAlive() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(scriptThreadsAlive()).isZero();
    }

    private static long scriptThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("orderflow-shape-script") && t.isAlive()).count();
    }

    @Test
    void tickReturnsUsersAndSpawnRateOrNullToEnd() {
        ShapeScript.Ticker ticker = ShapeScript.compile("""
                def tick(elapsedSeconds) {
                    if (elapsedSeconds < 60) return [100, 10]
                    if (elapsedSeconds < 120) return [300, 12.5]
                    return null
                }
                """).newTicker(ShapeScriptTest.LIMIT);

        assertThat(ticker.tick(0)).contains(new Target(100, 10));
        assertThat(ticker.tick(90)).contains(new Target(300, 12.5));
        assertThat(ticker.tick(120)).isEmpty();
    }

    @Test
    void theScriptBodyRunsOnceSoTheShapeCanKeepState() {
        ShapeScript.Ticker ticker = ShapeScript.compile("""
                calls = 0
                def tick(t) {
                    calls++
                    [calls * 10, 1]
                }
                """).newTicker(ShapeScriptTest.LIMIT);

        assertThat(ticker.tick(0)).contains(new Target(10, 1));
        assertThat(ticker.tick(1)).contains(new Target(20, 1));
    }

    @Test
    void aScriptMayReturnAnArrayOrWholeNumbersAsDecimals() {
        ShapeScript.Ticker ticker = ShapeScript.compile("def tick(t) { [20.0d, 4] as Object[] }")
                .newTicker(ShapeScriptTest.LIMIT);

        assertThat(ticker.tick(0)).contains(new Target(20, 4));
    }

    @Test
    void aSyntaxErrorNamesTheLine() {
        assertThatThrownBy(() -> ShapeScript.compile("""
                def tick(t) {
                    return [10, 1
                }
                """))
                .isInstanceOf(ShapeDefinitionException.class)
                .hasMessageStartingWith("Shape script line 3: does not compile");
    }

    @Test
    void aScriptWithoutTickIsRefused() {
        assertThatThrownBy(() -> ShapeScript.compile("def shape(t) { [1, 1] }"))
                .hasMessageStartingWith("Shape script: defines no tick(elapsedSeconds) method");
    }

    @Test
    void aClassInsteadOfAScriptIsRefused() {
        assertThatThrownBy(() -> ShapeScript.compile("class Shape { def tick(t) { [1, 1] } }"))
                .hasMessage("Shape script: must be a script defining tick(elapsedSeconds), not a class declaration");
    }

    @Test
    void anEmptyScriptIsRefused() {
        assertThatThrownBy(() -> ShapeScript.compile("  "))
                .hasMessageStartingWith("Shape script: is empty");
    }

    @Test
    void aFailureWhileTickingNamesTheLine() {
        ShapeScript.Ticker ticker = ShapeScript.compile("""
                def tick(t) {
                    if (t < 5) return [1, 1]
                    def broken = null
                    return [broken.size(), 1]
                }
                """).newTicker(ShapeScriptTest.LIMIT);

        assertThat(ticker.tick(1)).contains(new Target(1, 1));
        assertThatThrownBy(() -> ticker.tick(5))
                .isInstanceOf(ShapeDefinitionException.class)
                .hasMessageStartingWith("Shape script line 4: failed in tick(5.0): java.lang.NullPointerException");
    }

    @Test
    void aFailureInTheScriptBodyNamesTheLine() {
        ShapeScript script = ShapeScript.compile("""
                def limit = Integer.parseInt('many')
                def tick(t) { [1, 1] }
                """);

        assertThatThrownBy(() -> script.newTicker(LIMIT))
                .hasMessageStartingWith(
                        "Shape script line 1: failed while running the script body: java.lang.NumberFormatException");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"busy\"        | Shape script: tick(3.0) returned busy: expected [users, spawnRate] or null",
            "[10]            | Shape script: tick(3.0) returned [10]: expected [users, spawnRate] or null",
            "[10, 'fast']    | Shape script: tick(3.0) returned [10, fast]: expected [users, spawnRate] or null",
            "[-1, 1]         | "
                    + "Shape script: tick(3.0) returned [-1, 1]: users must be a whole number from 0 to 1000000",
            "[1.5, 1]        | "
                    + "Shape script: tick(3.0) returned [1.5, 1]: users must be a whole number from 0 to 1000000",
            "[10, 0]         | Shape script: tick(3.0) returned [10, 0]: spawn rate must be more than 0 users/s",
            "[10, Double.NaN] | Shape script: tick(3.0) returned [10, NaN]: spawn rate must be more than 0 users/s",
    })
    void nonsenseAnswersAreRefusedSayingWhatWasExpected(String answer, String message) {
        ShapeScript.Ticker ticker = ShapeScript.compile("def tick(t) { " + answer + " }")
                .newTicker(ShapeScriptTest.LIMIT);

        assertThatThrownBy(() -> ticker.tick(3)).hasMessage(message);
    }

    @Test
    void aScriptLineIsFoundOnlyWhenTheScriptIsOnTheStack() {
        assertThat(ShapeScript.scriptLine(new IllegalStateException("elsewhere"))).isEqualTo(-1);
        assertThat(ShapeScript.interpret(null, 1)).isEqualTo(Optional.empty());
    }
}
