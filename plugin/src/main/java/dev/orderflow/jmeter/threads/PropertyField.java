package dev.orderflow.jmeter.threads;

/**
 * One property of the orderflow thread group: its key in the test plan, the label the editor and every
 * error message use for it, and the value it has when a plan does not set it.
 */
public record PropertyField(String key, String label, String defaultValue) {
}
