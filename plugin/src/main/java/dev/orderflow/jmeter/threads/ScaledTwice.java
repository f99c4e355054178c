package dev.orderflow.jmeter.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.jmeter.engine.util.CompoundVariable;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.property.CollectionProperty;
import org.apache.jmeter.testelement.property.FunctionProperty;
import org.apache.jmeter.testelement.property.JMeterProperty;
import org.apache.jmeter.testelement.property.PropertyIterator;
import org.apache.jmeter.testelement.property.TestElementProperty;

/**
 * Finds the fields of a thread group that read the {@code scale} or {@code timescale} property themselves, as
 * plans did before the thread group applied them ({@code ${__jexl3(100 * ${__P(scale,1)} …)}}): at any scale but 1
 * such a field is scaled twice, and the run would pass on a load a fraction of the one it was asked for.
 */
final class ScaledTwice {

    /** {@code __P(scale…}, {@code __property(timescale…} and the like, however the expression is nested. */
    private static final Pattern READS_SCALE = Pattern.compile("__(P|property)\\(\\s*(scale|timescale)\\s*[,)]");

    private ScaledTwice() {
    }

    /** The labels of the group's fields (stage cells included) whose expression reads scale or timescale. */
    static List<String> fields(TestElement group) {
        List<String> found = new ArrayList<>();
        collect(group, found);
        return found;
    }

    private static void collect(TestElement element, List<String> found) {
        PropertyIterator properties = element.propertyIterator();
        while (properties.hasNext()) {
            JMeterProperty property = properties.next();
            if (property instanceof TestElementProperty nested) {
                collect(nested.getElement(), found);
            } else if (property instanceof CollectionProperty rows) {
                PropertyIterator items = rows.iterator();
                while (items.hasNext()) {
                    if (items.next() instanceof TestElementProperty row) {
                        collect(row.getElement(), found);
                    }
                }
            } else if (READS_SCALE.matcher(written(property)).find()) {
                found.add(property.getName());
            }
        }
    }

    /** The field as written in the plan: a running test holds it compiled, its expression evaluated on each read. */
    private static String written(JMeterProperty property) {
        if (property instanceof FunctionProperty function
                && function.getObjectValue() instanceof CompoundVariable expression) {
            return expression.getRawParameters();
        }
        return property.getStringValue();
    }
}
