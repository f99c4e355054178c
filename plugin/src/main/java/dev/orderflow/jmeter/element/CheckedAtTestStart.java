package dev.orderflow.jmeter.element;

import org.apache.jmeter.testelement.TestStateListener;
import org.apache.jmeter.util.JMeterUtils;

/**
 * A test element whose only test-level work is checking its fields when a test starts: the same on
 * this JVM and on a remote engine, and nothing to do when the test ends (connections close per virtual
 * user, at the end of its thread). A wrong field stops the test before any user starts.
 */
public interface CheckedAtTestStart extends TestStateListener {

    /**
     * Shows why the test cannot start to the person running it (logged, printed on the console in
     * non-GUI mode, a dialog in the GUI) and hands the refusal back for throwing, which stops the engine.
     */
    static <E extends RuntimeException> E reported(E refusal, String title) {
        JMeterUtils.reportErrorToUser(refusal.getMessage(), title);
        return refusal;
    }

    @Override
    default void testStarted(String host) {
        testStarted();
    }

    @Override
    default void testEnded() {
        // nothing is shared between virtual users that would need closing here
    }

    @Override
    default void testEnded(String host) {
        testEnded();
    }
}
