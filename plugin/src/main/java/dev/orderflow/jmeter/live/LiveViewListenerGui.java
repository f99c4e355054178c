package dev.orderflow.jmeter.live;

import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.element.gui.SettingsListenerGui;

/** The live view's form in the Listeners menu: where the page is served. */
public class LiveViewListenerGui extends SettingsListenerGui {

    private static final long serialVersionUID = 1L;

    public LiveViewListenerGui() {
        super(LiveViewListener::new);
    }

    @Override
    protected OrderFlowSchema schema() {
        return LiveViewSchema.INSTANCE;
    }
}
