package dev.orderflow.testplans.report;

import dev.orderflow.testplans.load.LoadSample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * load-machine.html in a plan's dashboard: the load machine's CPU and memory, and the shop process's,
 * second by second through JMeter's start-up and the load, read against the run's idle baseline (the
 * machine sampled before any JMeter started), drawn with the dashboard's own stylesheet and reached from
 * the dashboard's menu ({@link DashboardLink}). Peaks are the load's only; the axes end just above the data.
 */
public final class LoadMachinePage {

    public static final String FILE_NAME = "load-machine.html";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LoadMachinePage() {
    }

    /**
     * @param baseline the run's idle samples (may be empty)
     * @param series   the plan's samples, from before JMeter's start to after the load
     */
    public static void write(Path dashboard, String plan, LoadMachineSeries baseline, LoadMachineSeries series,
                             LoadPhases phases) throws IOException {
        Files.writeString(dashboard.resolve(FILE_NAME), render(plan, baseline, series, phases), StandardCharsets.UTF_8);
    }

    static String render(String plan, LoadMachineSeries baseline, LoadMachineSeries series, LoadPhases phases) {
        List<LoadSample> samples = series.samples();
        long origin = phases.loadStartMs();
        LoadMachineSeries load = series.between(phases.loadStartMs(), phases.loadEndMs());
        double loadSeconds = (phases.loadEndMs() - origin) / 1000.0;
        boolean shopWatched = samples.stream().anyMatch(s -> s.processRssMb() >= 0);
        SvgChart cpu = new SvgChart("CPU", "% of all CPUs")
                .series(new SvgChart.Series("load machine", "#337ab7", points(samples, origin, LoadSample::cpuPercent)))
                .load(0, loadSeconds);
        SvgChart memory = new SvgChart("Memory", "MB")
                .series(new SvgChart.Series("load machine in use", "#337ab7",
                        points(samples, origin, LoadSample::memoryUsedMb)))
                .load(0, loadSeconds);
        if (phases.hasJMeterStart()) {
            double from = (phases.jmeterStartMs() - origin) / 1000.0;
            cpu.startUp(from, 0);
            memory.startUp(from, 0);
        }
        if (shopWatched) {
            cpu.series(new SvgChart.Series("shop process", "#d9534f",
                    points(samples, origin, LoadSample::processCpuPercent)));
            memory.series(new SvgChart.Series("shop process (RSS)", "#d9534f",
                    points(samples, origin, LoadSample::processRssMb)));
        }
        if (!baseline.isEmpty() && !samples.isEmpty()) {
            cpu.series(level("idle baseline (mean)", baseline.meanCpuPercent(), samples, origin));
            memory.series(level("idle baseline (mean)", baseline.meanMemoryUsedMb(), samples, origin));
        }
        double memoryTotal = samples.stream().mapToDouble(LoadSample::memoryTotalMb).max().orElse(0);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(Html.escape(plan)).append(": load machine</title>\n")
                .append("<link href=\"sbadmin2-1.0.7/bower_components/bootstrap/dist/css/bootstrap.min.css\" "
                        + "rel=\"stylesheet\">\n")
                .append("<link href=\"content/css/dashboard.css\" rel=\"stylesheet\">\n")
                .append("</head>\n<body>\n<div class=\"container-fluid\">\n")
                .append("<p><a href=\"index.html\">&larr; Dashboard</a></p>\n")
                .append("<h1 class=\"page-header\">Load machine during ").append(Html.escape(plan)).append("</h1>\n");
        if (samples.isEmpty()) {
            html.append("<p>No load-machine samples cover this run (the sampler reads Linux's /proc).</p>\n");
        } else {
            html.append("<p>Sampled every second from /proc; CPU in percent of all CPUs of the machine.</p>\n<ul>\n")
                    .append("<li>").append(baselineLine(baseline, phases)).append("</li>\n");
            if (phases.hasJMeterStart()) {
                LoadMachineSeries startUp = series.between(phases.jmeterStartMs(), phases.loadStartMs());
                html.append(format("<li><b>JMeter start-up</b> (grey): %.1f s from JMeter's start to its first "
                                + "sample; CPU peak %.1f %%. Not load: the JVM loads and compiles JMeter and the "
                                + "plan.</li>\n",
                        (phases.loadStartMs() - phases.jmeterStartMs()) / 1000.0, startUp.peakCpuPercent()));
            }
            html.append(format("<li><b>Load</b> (shaded): %.1f s from the first sample to the end of the last; "
                            + "CPU peak %.1f %%, mean %.1f %%; memory in use peak %.0f MB of %.0f MB%s.</li>\n",
                    loadSeconds, load.peakCpuPercent(), load.meanCpuPercent(), load.peakMemoryUsedMb(), memoryTotal,
                    shopWatched ? format("; shop peak RSS %.0f MB", load.peakProcessRssMb()) : ""))
                    .append("</ul>\n")
                    .append(shopWatched
                            ? "<p>Red: the reference shop's process, which this build started on this machine.</p>\n"
                            : "<p>No line for the shop: the run went to a shop this build did not start (-Dhost), "
                                    + "so its process is not one this machine can sample. The machine's lines hold "
                                    + "JMeter and whatever else ran here.</p>\n")
                    .append(cpu.render(axisTop(samples, baseline, LoadSample::cpuPercent, 100)))
                    .append(memory.render(axisTop(samples, baseline, LoadSample::memoryUsedMb, memoryTotal)))
                    .append("<p><a href=\"../load-machine.csv\">load-machine.csv</a>: the samples (the idle "
                            + "baseline's ")
                    .append("are in its first lines before a gap when the plan ran later in the build).</p>\n");
        }
        html.append("</div>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String baselineLine(LoadMachineSeries baseline, LoadPhases phases) {
        if (baseline.isEmpty()) {
            return "<b>Idle baseline</b>: none for this run (no samples before JMeter started), so the load "
                    + "has nothing idle to be read against.";
        }
        String at = Instant.ofEpochMilli(phases.baselineFromMs()).atZone(ZoneId.systemDefault()).format(CLOCK);
        return format("<b>Idle baseline</b> (dashed): %.1f s at %s, before any JMeter of the build started (the "
                        + "reference shop, if the build started one, up and idle); CPU mean %.1f %%, peak %.1f %%; "
                        + "memory in use %.0f MB.",
                (phases.baselineToMs() - phases.baselineFromMs()) / 1000.0, at, baseline.meanCpuPercent(),
                baseline.peakCpuPercent(), baseline.meanMemoryUsedMb());
    }

    /** A flat dashed line at {@code value} across the chart's time span. */
    private static SvgChart.Series level(String name, double value, List<LoadSample> samples, long originMs) {
        double from = (samples.get(0).timestampMillis() - originMs) / 1000.0;
        double to = (samples.get(samples.size() - 1).timestampMillis() - originMs) / 1000.0;
        return new SvgChart.Series(name, "#5cb85c",
                List.of(new double[] {from, value}, new double[] {to, value}), true);
    }

    /** Just above the highest value drawn (a tenth of headroom), never above {@code cap}. */
    static double axisTop(List<LoadSample> samples, LoadMachineSeries baseline, ToDoubleFunction<LoadSample> value,
                          double cap) {
        double highest = java.util.stream.Stream.concat(samples.stream(), baseline.samples().stream())
                .mapToDouble(value).max().orElse(1);
        double top = SvgChart.niceCeiling(highest * 1.1);
        return cap > 0 ? Math.min(top, SvgChart.niceCeiling(cap)) : top;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private static List<double[]> points(List<LoadSample> samples, long originMs, ToDoubleFunction<LoadSample> value) {
        return samples.stream()
                .filter(s -> value.applyAsDouble(s) >= 0)
                .map(s -> new double[] {(s.timestampMillis() - originMs) / 1000.0, value.applyAsDouble(s)})
                .toList();
    }
}
