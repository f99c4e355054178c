package dev.orderflow.testplans.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart drawn as inline SVG: time in seconds along x, one polyline per series, and shaded the
 * stretch during which the plan's samples ran, so the baseline before the load is visible beside it.
 * Charts given the same {@link #xRange} and {@link #marker}s stack into one time axis.
 */
final class SvgChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 280;
    private static final int LEFT = 72;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    /** One line: its name, colour and points (x seconds, y value); a dashed one is a reference, not a reading. */
    record Series(String name, String colour, List<double[]> points, boolean dashed) {
        Series(String name, String colour, List<double[]> points) {
            this(name, colour, points, false);
        }
    }

    /** A shaded stretch of the x axis (seconds) with its name: JMeter's start-up, the load. */
    private record Phase(double from, double to, String name, String fill, String textColour) {
    }

    /** A vertical line across the plot at {@code at} seconds, named at its top: a stage's start. */
    private record Marker(double at, String name) {
    }

    private final String title;
    private final String unit;
    private final List<Series> series = new ArrayList<>();
    private final List<Phase> phases = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private double[] xRange;

    SvgChart(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    SvgChart series(Series line) {
        if (!line.points().isEmpty()) {
            series.add(line);
        }
        return this;
    }

    /** The seconds (on the x axis) during which the load ran. */
    SvgChart load(double fromSeconds, double toSeconds) {
        phases.add(new Phase(fromSeconds, toSeconds, "load", "#fff3cd", "#8a6d3b"));
        return this;
    }

    /** The seconds (on the x axis) from JMeter's start to its first sample. */
    SvgChart startUp(double fromSeconds, double toSeconds) {
        phases.add(new Phase(fromSeconds, toSeconds, "JMeter start-up", "#e8e8e8", "#555"));
        return this;
    }

    /** Fixes the x axis to these seconds, whatever the data spans: charts that share it read as one time axis. */
    SvgChart xRange(double fromSeconds, double toSeconds) {
        xRange = new double[] {fromSeconds, toSeconds};
        return this;
    }

    /** A dashed vertical line at {@code atSeconds} with its name at the top. */
    SvgChart marker(double atSeconds, String name) {
        markers.add(new Marker(atSeconds, name));
        return this;
    }

    String render(double yMax) {
        double xMin = xRange != null ? xRange[0]
                : series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).min().orElse(0);
        double xMax = xRange != null ? xRange[1]
                : series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).max().orElse(1);
        if (xMax <= xMin) {
            xMax = xMin + 1;
        }
        double top = niceCeiling(yMax);
        StringBuilder svg = new StringBuilder();
        svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
                + "aria-label=\"%s\">\n", WIDTH, HEIGHT, Html.escape(title)));
        svg.append(format("<text x=\"%d\" y=\"14\" font-size=\"13\" font-weight=\"bold\">%s</text>\n", LEFT,
                Html.escape(title)));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        double fx = plotW / (xMax - xMin);
        double fy = plotH / top;
        for (Phase phase : phases) {
            double shadeFrom = Math.max(xMin, phase.from());
            double shadeTo = Math.min(xMax, phase.to());
            if (shadeTo > shadeFrom) {
                svg.append(format("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
                        LEFT + (shadeFrom - xMin) * fx, TOP, (shadeTo - shadeFrom) * fx, plotH, phase.fill()));
                svg.append(format("<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>\n",
                        LEFT + (shadeFrom - xMin) * fx + 4, TOP + 12, phase.textColour(), Html.escape(phase.name())));
            }
        }
        for (Marker marker : markers) {
            if (marker.at() < xMin || marker.at() > xMax) {
                continue;
            }
            double x = LEFT + (marker.at() - xMin) * fx;
            svg.append(format(
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#777\" stroke-dasharray=\"3 3\"/>\n",
                    x, TOP, x, TOP + plotH));
            svg.append(format("<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#555\">%s</text>\n",
                    x + 3, TOP + plotH - 4, Html.escape(marker.name())));
        }
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            double y = TOP + plotH - value * fy;
            svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", LEFT, y,
                    LEFT + plotW, y));
            svg.append(format("<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
                    LEFT - 6, y + 4, number(value)));
        }
        svg.append(format("<text x=\"12\" y=\"%d\" font-size=\"11\" transform=\"rotate(-90 12 %d)\">%s</text>\n",
                TOP + plotH / 2, TOP + plotH / 2, Html.escape(unit)));
        // ticks at round seconds (0, 100, 200 … rather than -1.6, 98.5 …), about six of them
        double step = niceCeiling((xMax - xMin) / 6);
        for (double seconds = Math.ceil(xMin / step) * step; seconds <= xMax + step / 1000; seconds += step) {
            double x = LEFT + (seconds - xMin) * fx;
            svg.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>\n",
                    x, TOP + plotH, x, TOP + plotH + 4));
            svg.append(format("<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%ss</text>\n",
                    x, TOP + plotH + 16, number(Math.round(seconds * 10) / 10.0)));
        }
        svg.append(format("<text x=\"%d\" y=\"%d\" font-size=\"11\">seconds from the first sample</text>\n",
                LEFT + plotW / 2 - 80, HEIGHT - 4));
        int legendX = LEFT + 10;
        for (Series line : series) {
            StringBuilder points = new StringBuilder();
            for (double[] p : line.points()) {
                if (p[0] < xMin || p[0] > xMax) {
                    continue;
                }
                points.append(format("%.1f,%.1f ", LEFT + (p[0] - xMin) * fx, TOP + plotH - Math.min(p[1], top) * fy));
            }
            svg.append(format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\"%s points=\"%s\"/>\n",
                    line.colour(), line.dashed() ? " stroke-dasharray=\"6 4\"" : "", points.toString().trim()));
            svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>", legendX, TOP + 24,
                    line.colour()));
            svg.append(format("<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>\n", legendX + 16, TOP + 29,
                    Html.escape(line.name())));
            legendX += 40 + line.name().length() * 6;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /**
     * The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten at or above {@code value}: axis ends people
     * read at a glance.
     */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : format("%.1f", value);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
