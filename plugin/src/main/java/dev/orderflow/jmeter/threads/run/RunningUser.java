package dev.orderflow.jmeter.threads.run;

import org.apache.jmeter.threads.JMeterThread;

/** A virtual user the running thread group has started: its slot, cluster number, JMeter thread and JVM thread. */
final class RunningUser {

    final int slot;
    final int userNumber;
    final JMeterThread jmeterThread;
    final UserLoop loop;
    private Thread thread;

    RunningUser(int slot, int userNumber, JMeterThread jmeterThread, UserLoop loop) {
        this.slot = slot;
        this.userNumber = userNumber;
        this.jmeterThread = jmeterThread;
        this.loop = loop;
    }

    void attach(Thread thread) {
        this.thread = thread;
    }

    /** Lets the user finish its current sample, then end. */
    void stopGracefully() {
        jmeterThread.stop();
    }

    /** Stops the user and interrupts what it is doing: its sampler if it can be interrupted, and its thread. */
    void stopNow() {
        jmeterThread.stop();
        jmeterThread.interrupt();
        if (thread != null) {
            thread.interrupt();
        }
    }

    String name() {
        return jmeterThread.getThreadName();
    }

    @Override
    public String toString() {
        return name() + " (user " + userNumber + ")";
    }
}
