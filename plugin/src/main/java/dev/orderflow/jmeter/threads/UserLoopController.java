package dev.orderflow.jmeter.threads;

import org.apache.jmeter.control.LoopController;
import org.apache.jmeter.samplers.Sampler;

import dev.orderflow.jmeter.threads.run.UserLoop;

/**
 * The main controller of an orderflow virtual user: it loops over the thread group's children until the
 * user has run its iterations, or until the thread group retires the user, which then ends at the end of its
 * current iteration (the way a stage going down removes users).
 *
 * <p>Each user runs its own clone; the iteration limit and retirement are set on that clone by the running
 * thread group, so they are plain fields rather than test plan properties.
 */
public class UserLoopController extends LoopController implements UserLoop {

    private static final long serialVersionUID = 1L;

    private static final int RUNNING = 0;
    private static final int RETIRING = 1;
    private static final int FINISHING = 2;

    /** Iterations this user runs; 0 (the default, also after deserialization) loops until stopped. */
    private transient volatile int iterationLimit;
    private transient int retirement = RUNNING;

    public UserLoopController() {
        setContinueForever(false);
    }

    /** Lets this user run {@code iterations} iterations and end. */
    @Override
    public void limitIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("a user runs at least one iteration, not " + iterations);
        }
        this.iterationLimit = iterations;
    }

    @Override
    public int getLoops() {
        int limit = iterationLimit;
        return limit > 0 ? limit : INFINITE_LOOP_COUNT;
    }

    /**
     * True when the controller is set to start over after its last iteration (a loop nested in a plan does
     * that); a user's main controller must not, or a user with iterations would never end.
     */
    public boolean repeatsAfterItsLastIteration() {
        return get(getSchema().getContinueForever());
    }

    /** Asks the user to end at the end of its current iteration; false if it is already retiring or ending. */
    @Override
    public synchronized boolean retire() {
        if (retirement != RUNNING) {
            return false;
        }
        retirement = RETIRING;
        return true;
    }

    /** Takes back a retirement the user has not acted on yet; false if it is too late. */
    @Override
    public synchronized boolean keep() {
        if (retirement != RETIRING) {
            return false;
        }
        retirement = RUNNING;
        return true;
    }

    @Override
    public synchronized boolean ranAllItsIterations() {
        return iterationLimit > 0 && isDone() && retirement == RUNNING;
    }

    private synchronized boolean endsHere() {
        if (retirement != RETIRING) {
            return false;
        }
        retirement = FINISHING;
        return true;
    }

    @Override
    public Sampler next() {
        // isFirst(): an iteration is about to begin, the boundary where a retiring user ends.
        if (isFirst() && endsHere()) {
            setDone(true);
            return null;
        }
        return super.next();
    }
}
