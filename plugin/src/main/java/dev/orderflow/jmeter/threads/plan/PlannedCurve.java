package dev.orderflow.jmeter.threads.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.orderflow.jmeter.threads.shape.Durations;
import dev.orderflow.jmeter.threads.shape.LoadSchedule;
import dev.orderflow.jmeter.threads.shape.Target;

/**
 * The planned number of users over time: a polyline of the ideal run, each ramp going from the current
 * number towards the target at the spawn rate. The editor draws it; the tests compare a real run with it.
 */
public final class PlannedCurve {

    private final List<Point> points;
    private final boolean endsByItself;

    private PlannedCurve(List<Point> points, boolean endsByItself) {
        this.points = List.copyOf(points);
        this.endsByItself = endsByItself;
    }

    /** One corner of the polyline. */
    public record Point(double seconds, double users) {
    }

    /** The curve through {@code points}, as a curve made here was announced to another JVM. */
    public static PlannedCurve through(List<Point> points, boolean endsByItself) {
        return new PlannedCurve(points, endsByItself);
    }

    /**
     * Follows {@code plan} from 0 to {@code horizon} (or to its end). Consumes the plan: give it a fresh one.
     */
    public static PlannedCurve of(LoadPlan plan, Duration horizon) {
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 0));
        double level = 0;
        Duration t = Duration.ZERO;
        boolean ended = false;
        while (true) {
            Optional<Target> target = plan.targetAt(t);
            if (target.isEmpty()) {
                points.add(new Point(seconds(t), 0));
                ended = true;
                break;
            }
            if (t.compareTo(horizon) >= 0) {
                break;
            }
            Duration next = plan.nextChangeAfter(t).filter(n -> n.compareTo(horizon) < 0).orElse(horizon);
            double from = seconds(t);
            double to = seconds(next);
            double users = target.get().users();
            double rate = target.get().spawnRate();
            if (level != users) {
                double reachedAt = from + Math.abs(users - level) / rate;
                if (reachedAt <= to) {
                    points.add(new Point(reachedAt, users));
                    level = users;
                } else {
                    level += Math.signum(users - level) * rate * (to - from);
                }
            }
            points.add(new Point(to, level));
            t = next;
        }
        return new PlannedCurve(simplify(points), ended);
    }

    public List<Point> points() {
        return points;
    }

    /** True when the shape ended within the horizon (the curve drops to 0 at its end). */
    public boolean endsByItself() {
        return endsByItself;
    }

    public double maxUsers() {
        return points.stream().mapToDouble(Point::users).max().orElse(0);
    }

    public double lastSeconds() {
        return points.get(points.size() - 1).seconds();
    }

    /** Planned users at {@code seconds}, interpolated along the polyline. */
    public double usersAt(double seconds) {
        Point previous = points.get(0);
        for (Point point : points) {
            if (point.seconds() >= seconds) {
                if (point.seconds() == previous.seconds()) {
                    return point.users();
                }
                double share = (seconds - previous.seconds()) / (point.seconds() - previous.seconds());
                return previous.users() + share * (point.users() - previous.users());
            }
            previous = point;
        }
        return previous.users();
    }

    /** A horizon that shows the whole shape: its planned end, or its ramp and a bit of the hold. */
    public static Duration horizonFor(LoadSchedule schedule) {
        if (schedule instanceof LoadSchedule.Staged staged) {
            return staged.stages().get(staged.stages().size() - 1).until();
        }
        if (schedule instanceof LoadSchedule.Constant constant) {
            return constant.runTime().orElseGet(() -> {
                double ramp = constant.users() / constant.spawnRate();
                return Durations.ofSeconds(Math.max(ramp * 1.25, 1.0));
            });
        }
        // A script shape: up to an hour of shape time, unless it ends sooner.
        return Durations.ofSeconds(3600 * schedule.timeScale());
    }

    private static double seconds(Duration d) {
        return Durations.toSeconds(d);
    }

    /** Drops repeated corners and corners in the middle of a straight run, so a ramp or a hold is one segment. */
    private static List<Point> simplify(List<Point> points) {
        List<Point> kept = new ArrayList<>();
        for (Point point : points) {
            int n = kept.size();
            if (n >= 1 && kept.get(n - 1).equals(point)) {
                continue;
            }
            if (n >= 2 && collinear(kept.get(n - 2), kept.get(n - 1), point)) {
                kept.set(n - 1, point);
            } else {
                kept.add(point);
            }
        }
        return kept;
    }

    private static boolean collinear(Point a, Point b, Point c) {
        double cross = (b.seconds() - a.seconds()) * (c.users() - a.users())
                - (b.users() - a.users()) * (c.seconds() - a.seconds());
        double scale = Math.max(1, Math.abs(c.seconds() - a.seconds()) * Math.abs(c.users() - a.users()));
        // Same direction too: a vertical drop after a hold is a corner, not a continuation.
        boolean forward = b.seconds() >= a.seconds() && c.seconds() >= b.seconds();
        return forward && Math.abs(cross) <= 1e-9 * scale && (b.seconds() > a.seconds() || c.seconds() == b.seconds());
    }
}
