package dev.orderflow.jmeter.element;

import java.util.List;

import org.apache.jmeter.engine.util.CompoundVariable;
import org.apache.jmeter.functions.InvalidVariableException;
import org.apache.jmeter.testelement.TestElement;

/**
 * A setting's value with its functions evaluated, for elements that stay on a distributed run's controller: JMeter
 * compiles functions there only for its own result collectors, so a listener of ours evaluates its own.
 */
public final class ExpressionValues {

    private ExpressionValues() {
    }

    /**
     * @throws InvalidSettingsException when the value holds a function that cannot be evaluated
     */
    public static String evaluated(OrderFlowSchema schema, TestElement element, Setting setting) {
        String value = setting.read(element);
        if (!value.contains("${")) {
            return value;
        }
        CompoundVariable function = new CompoundVariable();
        try {
            function.setParameters(value);
        } catch (InvalidVariableException e) {
            String shown = setting.secret() ? "(the value is not shown)" : "'" + value + "'";
            throw new InvalidSettingsException(schema.elementKind(), element.getName(),
                    List.of(setting.describe() + ": has a function that cannot be evaluated: " + shown));
        }
        return function.execute();
    }
}
