package dev.orderflow.jmeter.threads.gui;

import org.apache.jmeter.engine.util.CompoundVariable;

/**
 * Evaluates a field's JMeter expression for the preview, the way the running test will (so
 * {@code ${__P(users,100)}} shows the property's value, or 100). What cannot be evaluated outside a run
 * (a thread's variables, say) stays as written and the preview says so.
 */
final class ExpressionPreview {

    private ExpressionPreview() {
    }

    static String evaluate(String text) {
        if (text == null || !text.contains("${")) {
            return text;
        }
        try {
            return new CompoundVariable(text).execute();
        } catch (RuntimeException e) {
            return text;
        }
    }
}
