package dev.orderflow.testplans.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.testplans.load.LoadSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The first page of a run's report, and the index's shape and change columns. */
class RunPageTest {

    private static final long T0 = RunSecondsTest.T0;

    private static final String STEPPED_SUMMARY = """
            {"plan":"stepped","users":300,"spawn_rate":10,"samples":400,"errors":2,"error_rate":0.5,
             "logins":300,"login_failures":0,"relogins":0,"orders_attempted":130,"orders_created":128,
             "orders_failed":2,"cart_failures":0,"orders_unknown":0,"success_rate":98.46,"throughput_rps":20.0,
             "duration_s":20.0,"labels":{},
             "loads":[{"group":"users","engine":0,"start_ms":START,"planned_stages":[
               {"users":100,"from_s":0,"ramp_end_s":2,"until_s":10},\
            {"users":300,"from_s":10,"ramp_end_s":14,"until_s":20}]}],
             "stages":[
               {"stage":1,"phase":"ramp","users":100,"from_s":0,"until_s":2,"throughput_rps":5,"p50_ms":3,"p95_ms":8,
                "p99_ms":9,"error_rate":0,"orders_per_s":1,"success_rate":100,"verdict":null,"failed":[]},
               {"stage":1,"phase":"plateau","users":100,"from_s":2,"until_s":10,"throughput_rps":15,"p50_ms":3,
                "p95_ms":9,"p99_ms":12,"error_rate":0,"orders_per_s":5,"success_rate":100,"verdict":"held","failed":[]},
               {"stage":2,"phase":"plateau","users":300,"from_s":14,"until_s":20,"throughput_rps":30,"p50_ms":40,
                "p95_ms":1240,"p99_ms":1500,"error_rate":1.2,"orders_per_s":9,"success_rate":97,"verdict":"failed",
                "failed":["p95 1 240 ms > 1 000 ms"]}],
             "capacity":"held 100 users: p95 9 ms, 0.0 % errors; failed at 300 users: p95 1 240 ms > 1 000 ms",
             "thresholds":[{"name":"planned_load","limit":null,"actual":null,"passed":true,\
            "detail":"group 'users': ran"},
               {"name":"min_success_rate","limit":95,"actual":98.46,"passed":true}],
             "verdict":"pass"}
            """.replace("START", Long.toString(T0 - 200));

    static RunSeconds seconds(Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of(RunSecondsTest.HEADER));
        for (int second = 0; second < 20; second++) {
            for (int i = 0; i < 5 + second; i++) {
                lines.add(RunSecondsTest.line(T0 + second * 1000L, 5 + i, "login", second != 15 || i > 0,
                        "users 1-" + i, second < 10 ? 100 : 300));
            }
        }
        return RunSeconds.read(Files.write(dir.resolve("results.csv"), lines), T0);
    }

    @Test
    void theRunPageHasTheVerdictTheComparisonTheFunnelOneTimeAxisAndTheStages(@TempDir Path dir) throws Exception {
        JsonNode summary = new ObjectMapper().readTree(STEPPED_SUMMARY);
        RunRecord baseline = RunComparisonTest.run("stepped", "20261203-110000", "full", 1, 20.0, 298.0, 100.0, "pass");
        RunRecord run = new RunRecord("stepped", "20261203-120000", 1, "full", 300, 10.0, 20.0, 30.0, 412.0, 98.46,
                "ok: shop +128 orders, run created 128, stock adds up", "fail",
                List.of("against the baseline stepped/20261203-110000: p95 412 ms is 38 % above the baseline's 298 ms "
                        + "(limit 20 %)"),
                "stepped/20261203-120000/dashboard/index.html", "http://127.0.0.1:8000", null,
                "100 until 10 s, 300 until 20 s", "stepped/20261203-120000/index.html",
                "stepped/20261203-110000", List.of());
        BaselineSettings limits = new BaselineSettings("last", 20, 0.9);
        LoadMachineSeries machine = new LoadMachineSeries(List.of(new LoadSample(T0 + 1000, 40, 1000, 4000, 10, 200),
                new LoadSample(T0 + 2000, 60, 1000, 4000, 20, 200)));

        RunPage.write(dir, new RunPage.Inputs(run, summary, seconds(dir), PlannedShape.of(summary), machine,
                new RunPage.Comparison(new RunComparison(run, baseline), true, limits),
                List.of("dashboard/index.html", "summary.txt")));
        String html = Files.readString(dir.resolve(RunPage.FILE_NAME));

        assertThat(html).contains("href=\"../../index.html\">&larr; All runs",
                "href=\"dashboard/index.html\">JMeter dashboard",
                "href=\"summary.txt\"", "100 until 10 s, 300 until 20 s", ">FAIL</p>",
                "p95 412 ms is 38 % above the baseline&#39;s 298 ms (limit 20 %)",
                "Compared with the baseline", "href=\"../../stepped/20261203-110000/run.json\"", "+38.3 %",
                "Order funnel", "orders created", "98.46 %",
                "failed: p95 1 240 ms &gt; 1 000 ms", "<b>Capacity:</b> held 100 users",
                "min_success_rate");
        List<Document> charts = svgs(html);
        assertThat(charts).hasSize(4);
        for (Document chart : charts) {
            // one time axis: every chart spans the same seconds, and the second stage's start is marked on each
            assertThat(xLabels(chart)).as("x axis").containsExactly("0s", "4s", "8s", "12s", "16s", "20s");
            assertThat(texts(chart)).contains("stage 2: 300");
        }
        assertThat(charts.get(0).getElementsByTagName("polyline").getLength()).as("planned and running users")
                .isEqualTo(2);
        assertThat(charts.get(1).getElementsByTagName("polyline").getLength()).as("req/s and errors/s").isEqualTo(2);
        assertThat(charts.get(3).getElementsByTagName("polyline").getLength()).as("machine and shop CPU").isEqualTo(2);
        assertThat(texts(charts.get(0))).contains("planned", "running (JMeter threads)");
    }

    @Test
    void anIndexPagePlanShowsPageLoadsAndARunWithoutComparisonNone(@TempDir Path dir) throws Exception {
        JsonNode summary = new ObjectMapper().readTree("""
                {"plan":"test6","samples":1000,"errors":3,"error_rate":0.3,"logins":0,"orders_attempted":0,
                 "throughput_rps":95.5,"duration_s":10.5,"labels":{"index page":{"mean_ms":4.2,"p95_ms":9}},
                 "loads":[],"stages":[],"thresholds":[],"verdict":"pass"}
                """);
        RunRecord run = RunComparisonTest.run("test6", "20261203-120000", "full", 4, 95.5, 9.0, 99.7, "pass");

        String html = RunPage.render(new RunPage.Inputs(run, summary, seconds(dir), null, null, null, List.of()));

        assertThat(html)
                .contains("Page loads", "<td class=\"text\">1000</td>", "3 (0.30 %)", "4.2 ms / 9 ms", ">PASS</p>")
                .doesNotContain("Order funnel", "Compared with", "Stages");
        assertThat(svgs(html)).hasSize(4);
    }

    @Test
    void theIndexShowsEachRunsShapeAndItsChangeAgainstThePreviousComparableRun(@TempDir Path reports) throws Exception {
        RunRecord before = RunComparisonTest.run("stepped", "20261203-110000", "full", 1, 100.0, 298.0, 100.0, "pass");
        RunRecord after = new RunRecord("stepped", "20261203-120000", 1, "full", 1000, 10.0, 90.0, 50.0, 412.0, 99.0,
                "–", "pass", List.of(), null, "http://127.0.0.1:1", null, "100 until 60 s, 1000 until 600 s",
                "stepped/20261203-120000/index.html", null, List.of());
        before.write(Files.createDirectories(reports.resolve("stepped/20261203-110000")).resolve(RunRecord.FILE_NAME));
        after.write(Files.createDirectories(reports.resolve("stepped/20261203-120000")).resolve(RunRecord.FILE_NAME));

        ReportIndex.write(reports);
        String html = Files.readString(reports.resolve(ReportIndex.FILE_NAME));

        assertThat(html).contains("<td class=\"text\">100 until 60 s, 1000 until 600 s</td>",
                "<td class=\"text\">100 users at 10/s</td>",
                "title=\"against stepped/20261203-110000\">req/s −10.0 %, p95 +38.3 %, success −1.0 pt</td>",
                "<td class=\"text\">first run</td>", "href=\"stepped/20261203-120000/index.html\">run</a>");
    }

    private static List<Document> svgs(String html) throws Exception {
        Matcher matcher = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        List<Document> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(matcher.group().getBytes(StandardCharsets.UTF_8))));
        }
        return found;
    }

    private static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        var nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static List<String> xLabels(Document svg) {
        return texts(svg).stream().filter(text -> text.matches("-?[0-9.]+s")).toList();
    }
}
