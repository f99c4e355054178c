package dev.orderflow.jmeter.live;

import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.element.Setting;

/** The settings of the {@link LiveViewListener}, declared once for the element, its form and its messages. */
public final class LiveViewSchema extends OrderFlowSchema {

    public static final LiveViewSchema INSTANCE = new LiveViewSchema();

    static {
        INSTANCE.group("Where the page is served");
    }
    public static final Setting PORT = INSTANCE.text("OrderFlow.liveView.port",
            "Port (0 = any free port, off = no live view)", "${__P(live_view_port,8089)}",
            "The port the page is served on; 0 picks a free one, off (or empty) serves no page");
    public static final Setting ADDRESS = INSTANCE.text("OrderFlow.liveView.address",
            "Address to listen on (loopback unless set)", "${__P(live_view_address,127.0.0.1)}",
            "An address of this machine; 0.0.0.0 lets other machines see the page");

    private LiveViewSchema() {
        super("Live view", "While the run goes on, a page in the browser shows its users against the plan, requests"
                + " and failures per second, response times per label, the order funnel, the thresholds and the"
                + " engines, updated every second. It is read-only; its address is printed when the run starts.");
    }
}
