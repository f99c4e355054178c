package dev.orderflow.jmeter.threads.shape;

/**
 * A load shape that cannot run, with the field (or script line) at fault. Its message names the field
 * first, so that it reads well in the editor, in the log and on the console.
 */
public class ShapeDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ShapeDefinitionException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public ShapeDefinitionException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
    }

    /** The label of the field at fault, e.g. "Spawn rate (users/s)" or "Stages row 3". */
    public String field() {
        return field;
    }
}
