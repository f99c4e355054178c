package dev.orderflow.jmeter.live;

import java.net.InetAddress;
import java.net.UnknownHostException;
import dev.orderflow.jmeter.element.InvalidSettingsException;
import dev.orderflow.jmeter.element.SettingsReader;

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
     * @throws InvalidSettingsException naming the element and the field that is wrong
     */
    static LiveViewSettings read(SettingsReader read) {
        String port = read.text(LiveViewSchema.PORT);
        if (port.isEmpty() || OFF.equalsIgnoreCase(port)) {
            return null;
        }
        int number = -1;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            // refused below with the value quoted
        }
        if (number < 0 || number > 65_535) {
            read.problem(LiveViewSchema.PORT, "'" + port + "' is not a port from 0 to 65535, or " + OFF);
        }
        String address = read.text(LiveViewSchema.ADDRESS);
        InetAddress bound = null;
        try {
            bound = InetAddress.getByName(address.isEmpty() ? "127.0.0.1" : address);
        } catch (UnknownHostException e) {
            read.problem(LiveViewSchema.ADDRESS, "'" + address + "' is not an address of this machine");
        }
        read.check();
        return new LiveViewSettings(bound, number);
    }
}
