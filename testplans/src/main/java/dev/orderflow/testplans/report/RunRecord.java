package dev.orderflow.testplans.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One line of reports/index.html: what ran, how it went and whether it passed. Written as run.json in the
 * plan's report folder, so the index can be rebuilt from the folders alone.
 *
 * @param plan            the plan's name
 * @param startedAt       {@code yyyyMMdd-HHmmss}, also the folder's name
 * @param engines         JMeter engines that ran it (1: the controller alone)
 * @param scale           "full" or the scale the run used
 * @param users           users in total (all engines together), as the summary reports them
 * @param spawnRate       users started per second, in total
 * @param requestsPerSecond throughput over the run, all samples
 * @param meanMs          mean response time, all samples
 * @param p95Ms           95th percentile response time over the whole run, all samples
 * @param successRate     orders created of orders attempted, % (for the index page: samples without error)
 * @param reconciliation  what the shop's own counts said
 * @param verdict         pass or fail
 * @param failures        why it failed: the failed thresholds and checks
 * @param dashboard       path of the dashboard's index.html from reports/
 * @param target          the shop's base URL
 * @param incomplete      why the run did not run to its end (an engine lost, JMeter interrupted, the load cut
 *                        short), its report holding what was collected; null when it ran to its end
 * @param shape           the load the plan's shape planned, for a person ({@link PlannedShape#describe}); null
 *                        for runs filed before reports carried it
 * @param page            path of the run's own page from reports/; null for runs filed before there was one
 * @param baseline        the run it was held against with -Dbaseline ({@code plan/date}), or null
 * @param notes           what a reader should know that did not fail the run (no baseline yet, say)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunRecord(
        String plan,
        String startedAt,
        int engines,
        String scale,
        Integer users,
        Double spawnRate,
        Double requestsPerSecond,
        Double meanMs,
        Double p95Ms,
        Double successRate,
        String reconciliation,
        String verdict,
        List<String> failures,
        String dashboard,
        String target,
        String incomplete,
        String shape,
        String page,
        String baseline,
        List<String> notes) {

    public static final String FILE_NAME = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunRecord {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A run without its shape, page, baseline or notes: what runs filed before them hold. */
    public RunRecord(String plan, String startedAt, int engines, String scale, Integer users, Double spawnRate,
                     Double requestsPerSecond, Double meanMs, Double p95Ms, Double successRate, String reconciliation,
                     String verdict, List<String> failures, String dashboard, String target, String incomplete) {
        this(plan, startedAt, engines, scale, users, spawnRate, requestsPerSecond, meanMs, p95Ms, successRate,
                reconciliation, verdict, failures, dashboard, target, incomplete, null, null, null, List.of());
    }

    /** Its folder under reports/: {@code plan/date}. */
    public String folder() {
        return plan + "/" + startedAt;
    }

    public boolean passed() {
        return "pass".equals(verdict);
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static RunRecord read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunRecord.class);
    }
}
