package dev.orderflow.jmeter.element;

import org.apache.jmeter.engine.StandardJMeterEngine;
import org.apache.jmeter.testelement.TestStateListener;
import org.apache.jmeter.util.JMeterUtils;

/**
 * A test element whose only test-level work is checking its fields when a test starts: the same on
 * this JVM and on a remote engine, and nothing to do when the test ends (connections close per virtual
 * user, at the end of its thread). A wrong field stops the test before any user starts.
 */
public interface CheckedAtTestStart extends TestStateListener {

    /**
     * Refuses the test: shows why to the person running it (logged, printed on the console in non-GUI mode, a
     * dialog in the GUI), records the reason for the verdict ({@link StartRefusals}) and stops the engine before
     * any user starts. It does not throw: a throw from {@code testStarted} would end JMeter's run without telling
     * any listener, so the run would leave no summary and a non-GUI JMeter would exit 0.
     */
    static void refuse(String reason, String title) {
        JMeterUtils.reportErrorToUser(reason, title);
        StartRefusals.refuse(reason);
        StandardJMeterEngine.stopEngine();
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
