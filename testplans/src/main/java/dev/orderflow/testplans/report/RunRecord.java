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
        String incomplete) {

    public static final String FILE_NAME = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
