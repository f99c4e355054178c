package dev.orderflow.jmeter.threads.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;

import javax.swing.JPanel;
import javax.swing.UIManager;

import dev.orderflow.jmeter.threads.PlannedCurve;

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
        repaint();
    }

    void showProblem(String message) {
        curve = null;
        problem = message;
        repaint();
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
                g.setColor(Color.RED.darker());
                g.drawString(problem, LEFT, TOP + 16);
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

            g.setColor(text);
            g.drawLine(LEFT, TOP, LEFT, TOP + height);
            g.drawLine(LEFT, TOP + height, LEFT + width, TOP + height);
            String top = Long.toString(Math.round(maxUsers));
            g.drawString(top, LEFT - 6 - metrics.stringWidth(top), TOP + metrics.getAscent() / 2);
            g.drawString("0", LEFT - 6 - metrics.stringWidth("0"), TOP + height);
            g.drawString("users", 4, TOP - 8);
            g.drawString("0", LEFT, TOP + height + metrics.getAscent() + 4);
            String end = clock(maxSeconds);
            g.drawString(end, LEFT + width - metrics.stringWidth(end), TOP + height + metrics.getAscent() + 4);
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
