package dev.orderflow.jmeter.threads;

import org.apache.jmeter.testelement.AbstractTestElement;

import dev.orderflow.jmeter.threads.OrderFlowThreadGroupSchema.StageRowSchema;
import dev.orderflow.jmeter.threads.shape.ShapeParser;
import dev.orderflow.jmeter.threads.shape.ShapeSettings.StageText;

/**
 * One row of the stages table as it is stored in a test plan: three texts, each of which may be a JMeter
 * expression, in the properties {@link StageRowSchema} declares. {@link ShapeParser} gives them their meaning.
 */
public class StageRow extends AbstractTestElement {

    private static final long serialVersionUID = 1L;

    public StageRow() {
    }

    public StageRow(StageText text) {
        StageRowSchema.UNTIL.write(this, text.until());
        StageRowSchema.USERS.write(this, text.users());
        StageRowSchema.SPAWN_RATE.write(this, text.spawnRate());
    }

    public StageText toText() {
        return new StageText(StageRowSchema.UNTIL.read(this), StageRowSchema.USERS.read(this),
                StageRowSchema.SPAWN_RATE.read(this));
    }
}
