package dev.orderflow.jmeter.threads.gui;

import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroupSchema;
import dev.orderflow.jmeter.threads.shape.ShapeSettings.StageText;

/** The columns of the stages table, in display order. */
enum StageColumn {
    UNTIL(OrderFlowThreadGroupSchema.StageRowSchema.UNTIL),
    USERS(OrderFlowThreadGroupSchema.StageRowSchema.USERS),
    SPAWN_RATE(OrderFlowThreadGroupSchema.StageRowSchema.SPAWN_RATE);

    private final Setting field;

    StageColumn(Setting field) {
        this.field = field;
    }

    String label() {
        return field.label();
    }

    String valueOf(StageText row) {
        return switch (this) {
            case UNTIL -> row.until();
            case USERS -> row.users();
            case SPAWN_RATE -> row.spawnRate();
        };
    }

    StageText with(StageText row, String value) {
        return switch (this) {
            case UNTIL -> new StageText(value, row.users(), row.spawnRate());
            case USERS -> new StageText(row.until(), value, row.spawnRate());
            case SPAWN_RATE -> new StageText(row.until(), row.users(), value);
        };
    }

    static StageColumn at(int index) {
        return values()[index];
    }
}
