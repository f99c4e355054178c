package dev.orderflow.jmeter.threads.run;

/**
 * A virtual user's main loop, as the run steers it: how many iterations the user runs, and whether it ends at the
 * end of its current iteration. The thread group's {@code UserLoopController} is one; the run asks no more of it,
 * so the runner does not depend on the element that a saved plan names.
 */
public interface UserLoop {

    /** Lets this user run {@code iterations} iterations and end. */
    void limitIterations(int iterations);

    /** Asks the user to end at the end of its current iteration; false if it is already retiring or ending. */
    boolean retire();

    /** Takes back a retirement the user has not acted on yet; false if it is too late. */
    boolean keep();

    /**
     * True when the user ran every iteration it was given to the end: not stopped in one, not retired before its
     * last. Asked once the user's thread has ended.
     */
    boolean ranAllItsIterations();
}
