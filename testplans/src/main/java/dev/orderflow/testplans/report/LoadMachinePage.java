package dev.orderflow.testplans.report;

import dev.orderflow.testplans.load.LoadSample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * load-machine.html in a plan's dashboard: the load machine's CPU and memory, and the shop process's,
 * second by second from a few seconds before the first sample to the end, drawn with the dashboard's
 * own stylesheet and reached from the dashboard's menu ({@link DashboardLink}).
 */
public final class LoadMachinePage {

    public static final String FILE_NAME = "load-machine.html";

    private LoadMachinePage() {
    }

    public static void write(Path dashboard, String plan, LoadMachineSeries series, long loadStartMs, long loadEndMs)
            throws IOException {
        Files.writeString(dashboard.resolve(FILE_NAME), render(plan, series, loadStartMs, loadEndMs),
                StandardCharsets.UTF_8);
    }

    static String render(String plan, LoadMachineSeries series, long loadStartMs, long loadEndMs) {
        List<LoadSample> samples = series.samples();
        double loadSeconds = (loadEndMs - loadStartMs) / 1000.0;
        boolean shopWatched = samples.stream().anyMatch(s -> s.processRssMb() >= 0);
        SvgChart cpu = new SvgChart("CPU", "% of all CPUs")
                .series(new SvgChart.Series("load machine", "#337ab7", points(samples, loadStartMs, LoadSample::cpuPercent)))
                .load(0, loadSeconds);
        SvgChart memory = new SvgChart("Memory", "MB")
                .series(new SvgChart.Series("load machine in use", "#337ab7",
                        points(samples, loadStartMs, LoadSample::memoryUsedMb)))
                .load(0, loadSeconds);
        if (shopWatched) {
            cpu.series(new SvgChart.Series("shop process", "#d9534f",
                    points(samples, loadStartMs, LoadSample::processCpuPercent)));
            memory.series(new SvgChart.Series("shop process (RSS)", "#d9534f",
                    points(samples, loadStartMs, LoadSample::processRssMb)));
        }
        double memoryTop = samples.stream().mapToDouble(LoadSample::memoryTotalMb).max().orElse(1);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(Html.escape(plan)).append(": load machine</title>\n")
                .append("<link href=\"sbadmin2-1.0.7/bower_components/bootstrap/dist/css/bootstrap.min.css\" rel=\"stylesheet\">\n")
                .append("<link href=\"content/css/dashboard.css\" rel=\"stylesheet\">\n")
                .append("</head>\n<body>\n<div class=\"container-fluid\">\n")
                .append("<p><a href=\"index.html\">&larr; Dashboard</a></p>\n")
                .append("<h1 class=\"page-header\">Load machine during ").append(Html.escape(plan)).append("</h1>\n");
        if (samples.isEmpty()) {
            html.append("<p>No load-machine samples cover this run (the sampler reads Linux's /proc).</p>\n");
        } else {
            html.append("<p>Sampled every second from /proc. The shaded stretch is the load, from the first sample ")
                    .append("to the end of the last; before it is the baseline with no load running.")
                    .append(shopWatched ? " Red: the reference shop's process." : "")
                    .append("</p>\n")
                    .append(String.format(Locale.ROOT, "<p>Peak CPU %.1f %%, peak memory in use %.0f MB of %.0f MB%s.</p>\n",
                            series.peakCpuPercent(), series.peakMemoryUsedMb(), memoryTop,
                            shopWatched ? String.format(Locale.ROOT, "; shop peak RSS %.0f MB", series.peakProcessRssMb()) : ""))
                    .append(cpu.render(100))
                    .append(memory.render(memoryTop))
                    .append("<p><a href=\"../load-machine.csv\">load-machine.csv</a>: the samples.</p>\n");
        }
        html.append("</div>\n</body>\n</html>\n");
        return html.toString();
    }

    private static List<double[]> points(List<LoadSample> samples, long originMs, ToDoubleFunction<LoadSample> value) {
        return samples.stream()
                .filter(s -> value.applyAsDouble(s) >= 0)
                .map(s -> new double[] {(s.timestampMillis() - originMs) / 1000.0, value.applyAsDouble(s)})
                .toList();
    }
}
