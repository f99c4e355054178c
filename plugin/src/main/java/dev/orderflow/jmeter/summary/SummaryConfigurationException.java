package dev.orderflow.jmeter.summary;

/** A setting of an order summary listener that cannot be used; the message names the element and the field. */
public class SummaryConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SummaryConfigurationException(String elementName, SummaryField field, String problem) {
        super("Order summary listener '" + elementName + "': field '" + field.label() + "' (" + field.key() + ") "
                + problem);
    }
}
