package dev.orderflow.jmeter.config;

import java.util.List;

/** A shop connection whose fields cannot make a run; the message names the element and every bad field. */
public class InvalidShopConnectionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidShopConnectionException(String elementName, List<String> problems) {
        super("Shop connection \"" + elementName + "\" cannot start the test: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
