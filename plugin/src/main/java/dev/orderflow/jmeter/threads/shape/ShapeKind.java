package dev.orderflow.jmeter.threads.shape;

import java.util.Arrays;
import java.util.Optional;

/** The three ways to describe the load over time. */
public enum ShapeKind {
    /** Users + spawn rate + run time, or a number of iterations per user. */
    USERS("users"),
    /** A table of stages: until when, how many users, at which spawn rate. */
    STAGES("stages"),
    /** A Groovy script asked each second for the users and spawn rate. */
    SCRIPT("script");

    private final String propertyValue;

    ShapeKind(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    /** How the kind is written in a test plan. */
    public String propertyValue() {
        return propertyValue;
    }

    public static Optional<ShapeKind> fromPropertyValue(String value) {
        String wanted = value == null ? "" : value.trim();
        return Arrays.stream(values()).filter(k -> k.propertyValue.equalsIgnoreCase(wanted)).findFirst();
    }
}
