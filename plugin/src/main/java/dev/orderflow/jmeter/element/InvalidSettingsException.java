package dev.orderflow.jmeter.element;

import java.util.List;

/**
 * Settings of an orderflow element that cannot make a run. The message names the element and every setting that
 * is wrong: "Shop connection 'Shop': Port (port): 'abc' is not a number; Host (host): is empty".
 */
public class InvalidSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidSettingsException(String elementKind, String elementName, List<String> problems) {
        super(elementKind + " '" + elementName + "': " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One sentence per wrong setting, each starting with the setting's label and name. */
    public List<String> problems() {
        return problems;
    }
}
