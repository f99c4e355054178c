package dev.orderflow.testplans.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The run second by second from its results file, and the planned users from its summary. */
class RunSecondsTest {

    static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";
    static final long T0 = 1_796_298_581_000L;

    static String line(long start, long elapsed, String label, boolean ok, String thread, int allThreads) {
        return start + "," + elapsed + "," + label + ",200,\"OK, fine\"," + thread + ",text," + ok + ",,10,10,"
                + allThreads + "," + allThreads + ",http://127.0.0.1/,1,0,0";
    }

    @Test
    void samplesCountInTheSecondTheyEndedInWithItsP95AndTheUsersOfEveryEngine(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        // second 0: 20 samples, 1..20 ms, one failed; engine A has up to 3 threads, engine B 2
        for (int i = 1; i <= 20; i++) {
            String engine = i % 2 == 0 ? "10.0.0.11:1099" : "10.0.0.12:1099";
            lines.add(line(T0 + 100, i, "login", i != 7, engine + "-users 1-" + i, i % 2 == 0 ? Math.min(3, i) : 2));
        }
        // starts in second 0, ends in second 2
        lines.add(line(T0 + 900, 1500, "create order", true, "10.0.0.11:1099-users 1-1", 1));
        lines.add(line(T0 + 5_000, 0, "orderflow: load report", true, "orderflow: load report users", 0));
        Path csv = Files.write(dir.resolve("results.csv"), lines);

        RunSeconds seconds = RunSeconds.read(csv, T0);

        assertThat(seconds.seconds()).extracting(RunSeconds.Second::index).containsExactly(0L, 2L);
        RunSeconds.Second first = seconds.seconds().get(0);
        assertThat(first.samples()).isEqualTo(20);
        assertThat(first.errors()).isEqualTo(1);
        assertThat(first.p95Ms()).isEqualTo(19);
        assertThat(first.users()).isEqualTo(5);
        assertThat(seconds.seconds().get(1).p95Ms()).isEqualTo(1500);
    }

    @Test
    void nearestRankIsATimeASampleTook() {
        long[] values = {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 700};
        assertThat(RunSeconds.nearestRank(values, 20, 95)).isEqualTo(7);
        assertThat(RunSeconds.nearestRank(values, 20, 100)).isEqualTo(700);
        assertThat(RunSeconds.nearestRank(new long[0], 0, 95)).isZero();
    }

    @Test
    void thePlannedUsersRampAndHoldEachStageFromTheGroupsStartAndDescribeTheShape() throws Exception {
        var summary = new ObjectMapper().readTree("""
                {"users":300,"spawn_rate":10,"loads":[
                 {"group":"users","engine":1,"start_ms":1796298580800,"planned_stages":[
                   {"users":100,"from_s":0,"ramp_end_s":10,"until_s":60},
                   {"users":300,"from_s":60,"ramp_end_s":80,"until_s":180}]},
                 {"group":"users","engine":0,"start_ms":1796298580500,"planned_stages":[
                   {"users":100,"from_s":0,"ramp_end_s":10,"until_s":60}]}]}
                """);

        PlannedShape shape = PlannedShape.of(summary);

        assertThat(shape.startMs()).isEqualTo(1_796_298_580_500L);
        assertThat(shape.users(T0)).containsExactly(new double[] {-0.5, 0}, new double[] {9.5, 100},
                new double[] {59.5, 100}, new double[] {59.5, 100}, new double[] {79.5, 300},
                new double[] {179.5, 300});
        assertThat(shape.stageStarts(T0)).containsExactly(new double[] {59.5, 300});
        assertThat(shape.describe(false)).isEqualTo("100 until 60 s, 300 until 180 s");
        PlannedShape single = new PlannedShape(T0, List.of(new PlannedShape.Stage(1000, 0, 10, 12.34)));
        assertThat(single.describe(true)).isEqualTo("1000 users at 100/s, one iteration each");
        assertThat(single.describe(false)).isEqualTo("1000 users at 100/s for 12.3 s");
        assertThat(PlannedShape.of(new ObjectMapper().readTree("{\"users\":5,\"loads\":[]}"))).isNull();
        assertThat(PlannedShape.describeFromSummary(summary)).isEqualTo("300 users at 10/s");
    }
}
