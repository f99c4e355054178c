package dev.orderflow.jmeter.threads;

import org.apache.jmeter.testelement.AbstractTestElement;

import dev.orderflow.jmeter.threads.shape.ShapeParser;
import dev.orderflow.jmeter.threads.shape.ShapeSettings.StageText;

/**
 * One row of the stages table as it is stored in a test plan: three texts, each of which may be a JMeter
 * expression. {@link ShapeParser} gives them their meaning.
 */
public class StageRow extends AbstractTestElement {

    private static final long serialVersionUID = 1L;

    public StageRow() {
    }

    public StageRow(StageText text) {
        setUntil(text.until());
        setUsers(text.users());
        setSpawnRate(text.spawnRate());
    }

    public String getUntil() {
        return getPropertyAsString(OrderFlowThreadGroupSchema.StageRowSchema.UNTIL.name());
    }

    public void setUntil(String until) {
        setProperty(OrderFlowThreadGroupSchema.StageRowSchema.UNTIL.name(), until);
    }

    public String getUsers() {
        return getPropertyAsString(OrderFlowThreadGroupSchema.StageRowSchema.USERS.name());
    }

    public void setUsers(String users) {
        setProperty(OrderFlowThreadGroupSchema.StageRowSchema.USERS.name(), users);
    }

    public String getSpawnRate() {
        return getPropertyAsString(OrderFlowThreadGroupSchema.StageRowSchema.SPAWN_RATE.name());
    }

    public void setSpawnRate(String spawnRate) {
        setProperty(OrderFlowThreadGroupSchema.StageRowSchema.SPAWN_RATE.name(), spawnRate);
    }

    public StageText toText() {
        return new StageText(getUntil(), getUsers(), getSpawnRate());
    }
}
