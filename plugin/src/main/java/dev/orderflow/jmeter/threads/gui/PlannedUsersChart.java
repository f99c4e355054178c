package dev.orderflow.jmeter.threads.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.swing.JPanel;
import javax.swing.UIManager;

import dev.orderflow.jmeter.threads.plan.PlannedCurve;

/** The planned number of users over time, drawn as a polyline, or the problem that keeps it from being drawn. */
final class PlannedUsersChart extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 22;
    private static final int BOTTOM = 28;

    private transient PlannedCurve curve;
    private String note = "";
    private String problem;

    PlannedUsersChart() {
        setPreferredSize(new Dimension(480, 180));
        setMinimumSize(new Dimension(240, 120));
    }

    void showCurve(PlannedCurve newCurve, String newNote) {
        curve = newCurve;
        note = newNote;
        problem = null;
        describe(newNote);
        repaint();
    }

    void showProblem(String message) {
        curve = null;
        problem = message;
        describe(message);
        repaint();
    }

    /** What the chart says, also for a screen reader: it is drawn as pixels only. */
    private void describe(String text) {
        getAccessibleContext().setAccessibleDescription(text);
    }

    PlannedCurve curve() {
        return curve;
    }

    String problem() {
        return problem;
    }

    String note() {
        return note;
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        super.paintComponent(graphics);
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color text = colour("Label.foreground", Color.DARK_GRAY);
            if (problem != null) {
                // the whole message, wrapped to the chart's width: it says which field to mend and how
                g.setColor(Color.RED.darker());
                FontMetrics metrics = g.getFontMetrics();
                int y = TOP;
                for (String line : wrap(problem, metrics, getWidth() - 2 * RIGHT)) {
                    g.drawString(line, RIGHT, y);
                    y += metrics.getHeight();
                }
                return;
            }
            if (curve == null) {
                return;
            }
            int width = getWidth() - LEFT - RIGHT;
            int height = getHeight() - TOP - BOTTOM;
            if (width < 10 || height < 10) {
                return;
            }
            double maxSeconds = Math.max(1e-3, curve.lastSeconds());
            double maxUsers = Math.max(1, curve.maxUsers());
            FontMetrics metrics = g.getFontMetrics();

            drawAxes(g, metrics, text, width, height, maxSeconds, maxUsers);
            g.drawString(note, LEFT + 8, TOP - 8);

            Path2D.Double line = new Path2D.Double();
            List<PlannedCurve.Point> points = curve.points();
            for (int i = 0; i < points.size(); i++) {
                PlannedCurve.Point p = points.get(i);
                double x = LEFT + p.seconds() / maxSeconds * width;
                double y = TOP + height - p.users() / maxUsers * height;
                if (i == 0) {
                    line.moveTo(x, y);
                } else {
                    line.lineTo(x, y);
                }
            }
            g.setColor(new Color(0x1f, 0x77, 0xb4));
            g.setStroke(new BasicStroke(2f));
            g.draw(line);
        } finally {
            g.dispose();
        }
    }

    /** Both axes with ticks at round values, their labels and faint grid lines, so a point can be read off. */
    private void drawAxes(Graphics2D g, FontMetrics metrics, Color text, int width, int height, double maxSeconds,
            double maxUsers) {
        Color grid = new Color(text.getRed(), text.getGreen(), text.getBlue(), 40);
        for (double users : userTicks(maxUsers, Math.max(2, height / 30))) {
            int y = (int) Math.round(TOP + height - users / maxUsers * height);
            g.setColor(grid);
            g.drawLine(LEFT + 1, y, LEFT + width, y);
            g.setColor(text);
            g.drawLine(LEFT - 4, y, LEFT, y);
            String label = number(users);
            g.drawString(label, LEFT - 7 - metrics.stringWidth(label), y + metrics.getAscent() / 2 - 1);
        }
        for (double seconds : timeTicks(maxSeconds, Math.max(2, width / 70))) {
            int x = (int) Math.round(LEFT + seconds / maxSeconds * width);
            g.setColor(grid);
            g.drawLine(x, TOP, x, TOP + height - 1);
            g.setColor(text);
            g.drawLine(x, TOP + height, x, TOP + height + 4);
            String label = clock(seconds);
            int labelWidth = metrics.stringWidth(label);
            int left = Math.min(Math.max(0, x - labelWidth / 2), getWidth() - labelWidth);
            g.drawString(label, left, TOP + height + 6 + metrics.getAscent());
        }
        g.setColor(text);
        g.drawLine(LEFT, TOP, LEFT, TOP + height);
        g.drawLine(LEFT, TOP + height, LEFT + width, TOP + height);
        g.drawString("users", 4, TOP - 8);
        String axis = "time (m:ss)";
        g.drawString(axis, LEFT + width - metrics.stringWidth(axis), TOP - 8);
    }

    /** Steps a time axis may take, in seconds: what a clock reads well. */
    private static final double[] TIME_STEPS = {0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200};

    /** Ticks of the users axis: 0 to max in steps of 1, 2 or 5 times a power of ten, about {@code count} of them. */
    static List<Double> userTicks(double max, int count) {
        double rough = Math.max(1, max / Math.max(1, count));
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = 10 * magnitude;
        for (double factor : new double[] {1, 2, 5}) {
            if (magnitude * factor >= rough) {
                step = magnitude * factor;
                break;
            }
        }
        return upTo(max, step);
    }

    /** Ticks of the time axis, in seconds: 0 to max in clock-friendly steps, about {@code count} of them. */
    static List<Double> timeTicks(double max, int count) {
        double rough = max / Math.max(1, count);
        for (double step : TIME_STEPS) {
            if (step >= rough) {
                return upTo(max, step);
            }
        }
        return upTo(max, Math.ceil(rough / 3600) * 3600);
    }

    private static List<Double> upTo(double max, double step) {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= max * (1 + 1e-9); i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    /** Splits a text into lines no wider than {@code width}, at spaces where it can. */
    static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String longer = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && metrics.stringWidth(longer) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(longer);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String clock(double seconds) {
        long whole = Math.round(seconds);
        if (seconds < 10 && seconds != whole) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        return whole < 60 ? whole + " s" : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }

    private static Color colour(String key, Color fallback) {
        Color colour = UIManager.getColor(key);
        return colour == null ? fallback : colour;
    }
}
