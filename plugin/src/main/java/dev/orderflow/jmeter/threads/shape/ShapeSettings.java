package dev.orderflow.jmeter.threads.shape;

import java.util.List;

/**
 * The load shape as the user wrote it, every JMeter expression already evaluated: the input of
 * {@link ShapeParser}. The thread group reads it from its properties when a test starts; the editor reads it
 * from its fields to draw the preview.
 *
 * @param shape      one of {@link ShapeKind#propertyValue()}
 * @param users      users of the users shape
 * @param spawnRate  spawn rate of the users shape, users per second
 * @param runTime    run time of the users shape in seconds, or empty
 * @param iterations iterations per user of the users shape, or empty
 * @param stages     rows of the stages shape
 * @param script     Groovy source of the script shape
 * @param timeScale  factor on every duration of the shape
 * @param tickTimeLimit seconds the shape script's body and each tick may take
 */
public record ShapeSettings(
        String shape,
        String users,
        String spawnRate,
        String runTime,
        String iterations,
        List<StageText> stages,
        String script,
        String timeScale,
        String tickTimeLimit) {

    public ShapeSettings {
        stages = List.copyOf(stages);
    }

    /** One row of the stages table as written. */
    public record StageText(String until, String users, String spawnRate) {
    }
}
