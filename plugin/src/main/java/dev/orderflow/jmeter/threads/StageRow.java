package dev.orderflow.jmeter.threads;

import org.apache.jmeter.testelement.AbstractTestElement;

import dev.orderflow.jmeter.threads.ShapeSettings.StageText;

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
        return getPropertyAsString(OrderFlowThreadGroupSchema.STAGE_UNTIL.key());
    }

    public void setUntil(String until) {
        setProperty(OrderFlowThreadGroupSchema.STAGE_UNTIL.key(), until);
    }

    public String getUsers() {
        return getPropertyAsString(OrderFlowThreadGroupSchema.STAGE_USERS.key());
    }

    public void setUsers(String users) {
        setProperty(OrderFlowThreadGroupSchema.STAGE_USERS.key(), users);
    }

    public String getSpawnRate() {
        return getPropertyAsString(OrderFlowThreadGroupSchema.STAGE_SPAWN_RATE.key());
    }

    public void setSpawnRate(String spawnRate) {
        setProperty(OrderFlowThreadGroupSchema.STAGE_SPAWN_RATE.key(), spawnRate);
    }

    public StageText toText() {
        return new StageText(getUntil(), getUsers(), getSpawnRate());
    }
}
