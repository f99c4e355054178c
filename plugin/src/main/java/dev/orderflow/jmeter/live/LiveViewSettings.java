package dev.orderflow.jmeter.live;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;

/**
 * Where the live view listens: an address (loopback unless a person sets another) and a port (0 picks a free one).
 *
 * @param address the address to bind
 * @param port the port, 0 for any free one
 */
record LiveViewSettings(InetAddress address, int port) {

    static final String OFF = "off";

    /**
     * Reads and checks the element's fields.
     *
     * @return null when the port is {@value #OFF} or empty: no live view for this run
     * @throws IllegalArgumentException naming the field that is wrong
     */
    static LiveViewSettings read(String elementName, Function<LiveViewField, String> values) {
        String port = values.apply(LiveViewField.PORT).trim();
        if (port.isEmpty() || OFF.equalsIgnoreCase(port)) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 0 || number > 65_535) {
            throw refusal(elementName, LiveViewField.PORT, "must be a port number from 0 to 65535 or '" + OFF
                    + "', not '" + port + "'");
        }
        String address = values.apply(LiveViewField.ADDRESS).trim();
        try {
            return new LiveViewSettings(InetAddress.getByName(address.isEmpty() ? "127.0.0.1" : address), number);
        } catch (UnknownHostException e) {
            throw refusal(elementName, LiveViewField.ADDRESS, "is not an address of this machine: '" + address + "'");
        }
    }

    private static IllegalArgumentException refusal(String elementName, LiveViewField field, String problem) {
        return new IllegalArgumentException("Live view '" + elementName + "': " + field.label() + " " + problem);
    }
}
