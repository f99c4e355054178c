package dev.orderflow.jmeter.live;

/**
 * The settings of the live view, declared once for the element, its form, its error messages and the tests:
 * the property key saved in the plan, the label a person sees, and the value a new element starts with.
 */
public enum LiveViewField {

    PORT("OrderFlow.liveView.port", "Port (0 = any free port, off = no live view)", "${__P(live_view_port,8089)}"),
    ADDRESS("OrderFlow.liveView.address", "Address to listen on (loopback unless set)",
            "${__P(live_view_address,127.0.0.1)}");

    private final String key;
    private final String label;
    private final String initialValue;

    LiveViewField(String key, String label, String initialValue) {
        this.key = key;
        this.label = label;
        this.initialValue = initialValue;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String initialValue() {
        return initialValue;
    }
}
