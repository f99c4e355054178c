package dev.orderflow.testplans.report;

import dev.orderflow.testplans.load.LoadSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPagesTest {

    private static final String MENU_PAGE =
            "<html><body><ul class=\"nav\" id=\"side-menu\">\n<li>x</li></ul></body></html>";

    @Test
    void everyDashboardPageGetsTheLoadMachineLinkOnce(@TempDir Path dashboard) throws Exception {
        Files.writeString(dashboard.resolve("index.html"), MENU_PAGE);
        Path pages = Files.createDirectories(dashboard.resolve("content/pages"));
        Files.writeString(pages.resolve("OverTime.html"), MENU_PAGE);
        Files.writeString(pages.resolve("icon.png"), "not a page");

        assertThat(DashboardLink.addTo(dashboard)).hasSize(2);
        assertThat(DashboardLink.addTo(dashboard)).isEmpty();

        assertThat(Files.readString(dashboard.resolve("index.html"))).containsOnlyOnce("href=\"load-machine.html\"");
        assertThat(Files.readString(pages.resolve("OverTime.html")))
                .containsOnlyOnce("href=\"../../load-machine.html\"");
    }

    @Test
    void theLoadMachinePageDrawsCpuAndMemoryWithTheShopAndShadesTheLoad(@TempDir Path dashboard) throws Exception {
        LoadMachineSeries series = new LoadMachineSeries(List.of(
                new LoadSample(1_000, 5, 1000, 4000, 1, 200),
                new LoadSample(2_000, 80, 1500, 4000, 40, 300),
                new LoadSample(3_000, 90, 1600, 4000, 45, 320)));

        LoadMachinePage.write(dashboard, "test3", new LoadMachineSeries(List.of()), series,
                new LoadPhases(-1, -1, -1, 2_000, 3_000));
        String html = Files.readString(dashboard.resolve(LoadMachinePage.FILE_NAME));

        assertThat(html).contains("Load machine during test3", "shop process", "CPU peak 90.0 %",
                "shop peak RSS 320 MB", "Idle baseline</b>: none for this run");
        List<String> svgs = svgs(html);
        assertThat(svgs).hasSize(2);
        for (String svg : svgs) {
            // each chart is well-formed XML with a shaded load stretch and one line per series
            var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(2);
            assertThat(document.getElementsByTagName("rect").getLength()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void theBaselineIsTheIdleMachineBeforeJMeterAndPeaksAreTheLoadsOnly() {
        // idle at 2-4 %, then JMeter starting at 95 % (what the page used to headline), then the load at 30-35 %,
        // on a 25 GB machine using about 1.5 GB
        LoadMachineSeries baseline = new LoadMachineSeries(List.of(
                new LoadSample(1_000, 2, 1400, 25_000, 0.5, 150),
                new LoadSample(2_000, 4, 1400, 25_000, 0.5, 150)));
        LoadMachineSeries series = new LoadMachineSeries(List.of(
                new LoadSample(60_000, 3, 1400, 25_000, 0.5, 150),
                new LoadSample(61_000, 95, 1500, 25_000, 1, 150),
                new LoadSample(62_000, 91, 1550, 25_000, 1, 150),
                new LoadSample(63_000, 30, 1600, 25_000, 10, 200),
                new LoadSample(64_000, 35, 1650, 25_000, 12, 210)));

        String html = LoadMachinePage.render("test5", baseline, series,
                new LoadPhases(0, 3_000, 60_500, 62_500, 64_000));

        assertThat(html).contains("Idle baseline</b> (dashed): 3.0 s", "CPU mean 3.0 %, peak 4.0 %",
                "JMeter start-up</b> (grey): 2.0 s", "CPU peak 95.0 %. Not load",
                "Load</b> (shaded): 1.5 s", "CPU peak 35.0 %, mean 32.5 %", "memory in use peak 1650 MB of 25000 MB");
        List<String> svgs = svgs(html);
        // the axes end just above the data: CPU at 150 % would be absurd, memory at 25 GB hides the line
        assertThat(svgs.get(0)).contains(">100</text>").contains("JMeter start-up").contains("stroke-dasharray");
        assertThat(svgs.get(1)).contains(">2000</text>").doesNotContain(">25000</text>");
    }

    @Test
    void aShopThisBuildDidNotStartHasNoLineAndThePageSaysWhy() {
        LoadMachineSeries series = new LoadMachineSeries(List.of(
                new LoadSample(1_000, 10, 1000, 4000, -1, -1), new LoadSample(2_000, 12, 1000, 4000, -1, -1)));

        String html = LoadMachinePage.render("test3", new LoadMachineSeries(List.of()), series,
                new LoadPhases(-1, -1, -1, 1_000, 2_000));

        assertThat(html).doesNotContain("shop process").contains("No line for the shop", "-Dhost");
    }

    @Test
    void jmetersStartIsTheTimeOfItsLogsFirstLine(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("test3.jmx.log");
        Files.writeString(log, "2026-12-03 10:20:17,563 INFO o.a.j.u.JMeterUtils: Setting Locale to en_EN\nmore\n");

        long expected = java.time.LocalDateTime.of(2026, 12, 3, 10, 20, 17, 563_000_000)
                .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
        assertThat(LoadPhases.jmeterStart(log)).isEqualTo(expected);
        assertThat(LoadPhases.jmeterStart(dir.resolve("missing.log"))).isEqualTo(-1);
        Files.writeString(log, "not a log line at all\n");
        assertThat(LoadPhases.jmeterStart(log)).isEqualTo(-1);
    }

    @Test
    void withoutSamplesThePageSaysSo() {
        String html = LoadMachinePage.render("test1", new LoadMachineSeries(List.of()),
                new LoadMachineSeries(List.of()), new LoadPhases(-1, -1, -1, 0, 0));
        assertThat(html).contains("No load-machine samples");
    }

    @Test
    void theSeriesKeepsOnlyTheSamplesOfItsStretch(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("load.csv");
        Files.write(csv, List.of(LoadSample.CSV_HEADER,
                new LoadSample(1_000, 1, 1, 2, -1, -1).toCsv(),
                new LoadSample(2_000, 2, 1, 2, -1, -1).toCsv(),
                new LoadSample(3_000, 3, 1, 2, -1, -1).toCsv()));

        LoadMachineSeries series = LoadMachineSeries.read(csv, 1_500, 3_000);

        assertThat(series.samples()).extracting(LoadSample::cpuPercent).containsExactly(2.0, 3.0);
        assertThat(series.peakProcessRssMb()).isEqualTo(-1.0);
        assertThat(LoadMachineSeries.read(dir.resolve("missing.csv"), 0, 1).isEmpty()).isTrue();
        assertThat(LoadMachinePage.render("p", new LoadMachineSeries(List.of()), series,
                new LoadPhases(-1, -1, -1, 2_000, 3_000))).doesNotContain("shop process");
    }

    @Test
    void theIndexListsEveryRunNewestFirstWithItsFiguresAndLinks(@TempDir Path reports) throws Exception {
        RunRecord old = new RunRecord("test3", "20250101-100000", 1, "full", 100, 100.0, 250.5, 12.25, 40.0, 100.0,
                "ok: shop +100 orders, run created 100, stock adds up", "pass", List.of(),
                "test3/20250101-100000/dashboard/index.html", "http://127.0.0.1:1", null);
        RunRecord failed = new RunRecord("test5", "20250102-090000", 4, "0.05", 50, 5.0, null, null, null, 80.0,
                "–", "fail", List.of("threshold failed: success rate 80 < 95"), null, "http://127.0.0.1:1",
                "engines: engine 2 of 4 (127.0.0.1:1100) lost at 09:01:02 UTC");
        old.write(Files.createDirectories(reports.resolve("test3/20250101-100000")).resolve(RunRecord.FILE_NAME));
        failed.write(Files.createDirectories(reports.resolve("test5/20250102-090000")).resolve(RunRecord.FILE_NAME));
        Files.writeString(Files.createDirectories(reports.resolve("test6/broken")).resolve(RunRecord.FILE_NAME), "{");

        List<RunRecord> runs = ReportIndex.write(reports);
        String html = Files.readString(reports.resolve(ReportIndex.FILE_NAME));

        assertThat(runs).extracting(RunRecord::plan).containsExactly("test5", "test3");
        assertThat(html.indexOf("test5")).isLessThan(html.indexOf("test3"));
        assertThat(html).contains("2025-01-01 10:00:00", "<td>251</td>", "<td>12.3</td>",
                "href=\"test3/20250101-100000/dashboard/index.html\"", "threshold failed: success rate 80 &lt; 95",
                "class=\"text fail\"", "class=\"text pass\"",
                ">fail, incomplete</td>", "incomplete: engines: engine 2 of 4 (127.0.0.1:1100) lost at 09:01:02 UTC");
        assertThat(html).containsOnlyOnce("incomplete</td>");
        // the p95 column is the dashboard's interpolated percentile, the summary's nearest rank: the page says so
        assertThat(html).contains("p95 ms is the dashboard", "interpolated", "nearest rank", "HdrHistogram");
    }

    @Test
    void anEmptyReportsFolderGetsAnIndexThatSaysHowToMakeARun(@TempDir Path reports) throws Exception {
        assertThat(ReportIndex.write(reports.resolve("none"))).isEmpty();
        assertThat(Files.readString(reports.resolve("none").resolve(ReportIndex.FILE_NAME)))
                .contains("./mvnw -B verify -Dplan=test3");
    }

    @Test
    void chartAxesEndAtRoundNumbers() {
        assertThat(SvgChart.niceCeiling(24152.1)).isEqualTo(25000.0);
        assertThat(SvgChart.niceCeiling(100)).isEqualTo(100.0);
        assertThat(SvgChart.niceCeiling(101)).isEqualTo(150.0);
        assertThat(SvgChart.niceCeiling(0)).isEqualTo(1.0);
    }

    @Test
    void escapesEverythingPutIntoThePages() {
        assertThat(Html.escape("<a href='x'>&\"</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
        assertThat(Html.escape(null)).isEmpty();
    }

    private static List<String> svgs(String html) {
        Matcher matcher = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
