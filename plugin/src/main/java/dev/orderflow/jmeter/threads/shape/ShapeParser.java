package dev.orderflow.jmeter.threads.shape;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import dev.orderflow.jmeter.threads.shape.ShapeSettings.StageText;

/**
 * Turns {@link ShapeSettings} into a {@link LoadSchedule}, or refuses with a
 * {@link ShapeDefinitionException} naming the field (or stage row, or script line) and what is wrong.
 */
public final class ShapeParser {

    /** Above this a number of users is taken for a mistake rather than a load. */
    static final int MAX_USERS = ShapeScript.MAX_USERS;

    private ShapeParser() {
    }

    /** The shape at full scale, as written. */
    public static LoadSchedule parse(ShapeSettings settings) {
        return parse(settings, LoadScale.FULL);
    }

    /**
     * The shape at {@code scale}: users and spawn rates multiplied by its users factor, durations by the
     * settings' own time scale and, for the stages and script shapes, its time factor
     * ({@link LoadScale#appliedTo}). The written numbers are checked before they are scaled, so a message quotes
     * what the user wrote.
     */
    public static LoadSchedule parse(ShapeSettings settings, LoadScale scale) {
        String shapeLabel = ShapeField.SHAPE.label();
        ShapeKind kind = ShapeKind.fromPropertyValue(settings.shape())
                .orElseThrow(() -> new ShapeDefinitionException(shapeLabel,
                        "must be one of users, stages, script; got '" + settings.shape() + "'"));
        double timeScale = timeScale(settings.timeScale()) * scale.appliedTo(kind).time();
        return switch (kind) {
            case USERS -> constant(settings, timeScale, scale);
            case STAGES -> staged(settings.stages(), timeScale, scale);
            case SCRIPT -> scripted(settings.script(), timeScale, tickTimeLimit(settings.tickTimeLimit()), scale);
        };
    }

    /** Seconds users get to finish their sample at the planned end; 0 or more. */
    public static Duration stopGrace(String text) {
        String label = ShapeField.STOP_GRACE.label();
        double seconds = number(label, text);
        if (seconds < 0) {
            throw new ShapeDefinitionException(label, "must be 0 or more seconds, got '" + text + "'");
        }
        return Durations.ofSeconds(seconds);
    }

    static double timeScale(String text) {
        String label = ShapeField.TIME_SCALE.label();
        double scale = number(label, text);
        if (scale <= 0) {
            throw new ShapeDefinitionException(label, "must be more than 0, got '" + text + "'");
        }
        return scale;
    }

    private static LoadSchedule constant(ShapeSettings settings, double timeScale, LoadScale scale) {
        String usersLabel = ShapeField.USERS.label();
        int written = users(usersLabel, settings.users());
        double rate = scale.spawnRate(spawnRate(ShapeField.SPAWN_RATE.label(), settings.spawnRate(), written));
        int users = scaled(usersLabel, written, scale);
        Optional<Duration> runTime = optionalRunTime(settings.runTime());
        OptionalInt iterations = iterations(settings.iterations());
        if (runTime.isEmpty() && iterations.isEmpty()) {
            throw new ShapeDefinitionException(ShapeField.RUN_TIME.label(),
                    "give a run time, or a number of iterations per user (" + ShapeField.ITERATIONS.label() + ")");
        }
        return new LoadSchedule.Constant(users, rate / timeScale,
                runTime.map(d -> scale(d, timeScale)), iterations, timeScale);
    }

    private static LoadSchedule staged(List<StageText> rows, double timeScale, LoadScale scale) {
        if (rows.isEmpty()) {
            throw new ShapeDefinitionException(ShapeField.STAGES.label(),
                    "add at least one row: until (s), users, spawn rate");
        }
        List<Stage> stages = new ArrayList<>();
        double previousUntil = 0;
        for (int i = 0; i < rows.size(); i++) {
            StageText row = rows.get(i);
            String label = "Stages row " + (i + 1);
            double until = number(label + " until (s)", row.until());
            if (until <= previousUntil) {
                throw new ShapeDefinitionException(label,
                        i == 0 ? "until must be more than 0 s, got '" + row.until() + "'"
                               : "until " + row.until() + " s must be later than row " + i + "'s "
                                       + format(previousUntil) + " s; rows go in time order");
            }
            int users = scaled(label + " users", users(label + " users", row.users()), scale);
            double rate = number(label + " spawn rate", row.spawnRate());
            if (rate <= 0) {
                throw new ShapeDefinitionException(label + " spawn rate",
                        "must be more than 0 users/s, got '" + row.spawnRate() + "'");
            }
            stages.add(new Stage(Durations.ofSeconds(until * timeScale), users, scale.spawnRate(rate) / timeScale));
            previousUntil = until;
        }
        return new LoadSchedule.Staged(stages, timeScale);
    }

    /** Seconds a shape script's body and each tick may take; more than 0. */
    static Duration tickTimeLimit(String text) {
        String label = ShapeField.TICK_TIME_LIMIT.label();
        double seconds = number(label, text);
        if (seconds <= 0) {
            throw new ShapeDefinitionException(label, "must be more than 0 seconds, got '" + text + "'");
        }
        return Durations.ofSeconds(seconds);
    }

    private static LoadSchedule scripted(String source, double timeScale, Duration tickTimeLimit, LoadScale scale) {
        ShapeScript script = ShapeScript.compile(source);
        // Ask the shape once now, so that a script returning nonsense refuses to start rather than failing later.
        script.newTicker(tickTimeLimit).tick(0.0);
        return new LoadSchedule.Scripted(script, timeScale, tickTimeLimit, scale.users());
    }

    private static int users(String label, String text) {
        double value = number(label, text);
        if (value < 0 || value != Math.rint(value)) {
            throw new ShapeDefinitionException(label, "must be a whole number of 0 or more, got '" + text + "'");
        }
        if (value > MAX_USERS) {
            throw new ShapeDefinitionException(label, "must be at most " + MAX_USERS + ", got '" + text + "'");
        }
        return (int) value;
    }

    /** Users at the run's scale, refused when the scale makes them more than a load. */
    private static int scaled(String label, int written, LoadScale scale) {
        int users = scale.users(written);
        if (users > MAX_USERS) {
            throw new ShapeDefinitionException(label, "must be at most " + MAX_USERS + " at " + scale.describe()
                    + ", got " + written + " (" + users + " at that scale)");
        }
        return users;
    }

    private static double spawnRate(String label, String text, int users) {
        double rate = number(label, text);
        if (rate < 0 || (rate == 0 && users > 0)) {
            throw new ShapeDefinitionException(label,
                    "must be more than 0 users/s to start " + users + " users, got '" + text + "'");
        }
        // With no users to start any positive rate will do; keep the arithmetic away from zero.
        return rate == 0 ? 1 : rate;
    }

    private static Optional<Duration> optionalRunTime(String text) {
        if (isBlank(text)) {
            return Optional.empty();
        }
        String label = ShapeField.RUN_TIME.label();
        double seconds = number(label, text);
        if (seconds <= 0) {
            throw new ShapeDefinitionException(label, "must be more than 0 seconds, or empty, got '" + text + "'");
        }
        return Optional.of(Durations.ofSeconds(seconds));
    }

    private static OptionalInt iterations(String text) {
        if (isBlank(text) || text.trim().equals("-1")) {
            return OptionalInt.empty();
        }
        String label = ShapeField.ITERATIONS.label();
        double value = number(label, text);
        if (value < 1 || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new ShapeDefinitionException(label,
                    "must be a whole number of 1 or more, or empty to loop until the run time, got '" + text + "'");
        }
        return OptionalInt.of((int) value);
    }

    static double number(String label, String text) {
        if (isBlank(text)) {
            throw new ShapeDefinitionException(label, "is empty");
        }
        String trimmed = text.trim();
        if (trimmed.contains("${")) {
            throw new ShapeDefinitionException(label, "'" + trimmed + "' could not be evaluated");
        }
        try {
            return new BigDecimal(trimmed).doubleValue();
        } catch (NumberFormatException e) {
            throw new ShapeDefinitionException(label, "must be a number, got '" + trimmed + "'", e);
        }
    }

    private static Duration scale(Duration duration, double timeScale) {
        return Durations.ofSeconds(Durations.toSeconds(duration) * timeScale);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
