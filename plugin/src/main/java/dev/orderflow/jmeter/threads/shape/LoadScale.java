package dev.orderflow.jmeter.threads.shape;

import java.math.BigDecimal;

import org.apache.jmeter.util.JMeterUtils;

/**
 * How much of a plan's load a run applies, from the JMeter properties {@value #SCALE_PROPERTY} and
 * {@value #TIMESCALE_PROPERTY} ({@code -Jscale=0.05 -Jtimescale=0.05}): a plan holds the numbers of its full
 * load and the thread group scales them, so that the same file runs at full scale, at CI scale, or at any
 * other.
 *
 * <p>{@code scale} multiplies users (rounded half up; a shape that asks for users gets at least one) and spawn
 * rates. {@code timescale} compresses a shape written along a time axis, the stages' times and a script's tick,
 * on top of the group's own time scale (spawn rates follow, so the shape looks the same); the run time of the
 * users shape is a duration of its own, which a plan sets with a property of its own (the plans' {@code duration}).
 *
 * @param users factor on users and spawn rates; more than 0
 * @param time  factor on durations; more than 0
 */
public record LoadScale(double users, double time) {

    /** The JMeter property that scales users and spawn rates. */
    public static final String SCALE_PROPERTY = "scale";
    /** The JMeter property that compresses the time axis of a stages or script shape. */
    public static final String TIMESCALE_PROPERTY = "timescale";

    /** Full scale: the numbers as the plan writes them. */
    public static final LoadScale FULL = new LoadScale(1, 1);

    public LoadScale {
        if (!(users > 0) || !(time > 0) || Double.isInfinite(users) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("scale factors must be positive numbers, got " + users + " and " + time);
        }
    }

    /** The scale the JMeter properties of this JVM ask for; full scale when they are not set. */
    public static LoadScale fromJMeterProperties() {
        return new LoadScale(factor(SCALE_PROPERTY, JMeterUtils.getProperty(SCALE_PROPERTY)),
                factor(TIMESCALE_PROPERTY, JMeterUtils.getProperty(TIMESCALE_PROPERTY)));
    }

    /**
     * Users at this scale: half up, at least one when the plan asks for any (a CI run of a 10-user plan at a
     * twentieth still runs a user), none when it asks for none (a stage that ends the load).
     */
    public int users(int planned) {
        if (planned == 0) {
            return 0;
        }
        return (int) Math.max(1, Math.floor(planned * users + 0.5));
    }

    /** A spawn rate at this scale, unrounded: users arrive as often, relative to their number, as at full scale. */
    public double spawnRate(double planned) {
        return planned * users;
    }

    /** The part of this scale that applies to a shape: timescale only to the stages and script shapes. */
    public LoadScale appliedTo(ShapeKind shape) {
        return shape == ShapeKind.USERS && time != 1 ? new LoadScale(users, 1) : this;
    }

    public boolean isFull() {
        return users == 1 && time == 1;
    }

    /** "scale 0.05, timescale 0.05", leaving out a factor of 1; empty at full scale. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (users != 1) {
            text.append("scale ").append(format(users));
        }
        if (time != 1) {
            text.append(text.isEmpty() ? "" : ", ").append("timescale ").append(format(time));
        }
        return text.toString();
    }

    private static double factor(String property, String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        String label = "JMeter property " + property;
        double value;
        try {
            value = new BigDecimal(text.trim()).doubleValue();
        } catch (NumberFormatException e) {
            throw new ShapeDefinitionException(label, "must be a number, got '" + text.trim() + "'", e);
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ShapeDefinitionException(label, "must be more than 0, got '" + text.trim() + "'");
        }
        return value;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value)
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
