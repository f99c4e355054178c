package dev.orderflow.jmeter.summary;

import java.time.Duration;
import java.util.List;

import org.apache.jmeter.JMeter;
import org.apache.jmeter.samplers.Remoteable;
import org.apache.jmeter.samplers.SampleEvent;
import org.apache.jmeter.samplers.SampleListener;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testelement.AbstractTestElement;
import org.apache.jmeter.testelement.TestStateListener;
import org.apache.jmeter.engine.util.NoThreadClone;
import org.apache.jmeter.util.JMeterUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.jmeter.element.ExpressionValues;
import dev.orderflow.jmeter.element.InvalidSettingsException;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;

/**
 * The order summary listener: counts the order funnel and every label's response times over a run, prints
 * the closing summary, writes summary.json and summary.txt, checks the thresholds, reconciles the counts with
 * the shop's own statistics, and makes a non-GUI run that fails a check end with exit status 1.
 *
 * <p>It is {@link Remoteable}: in distributed mode JMeter leaves it on the controller and sends it every
 * engine's samples, so the counts are the cluster's and the summary is written once, on the controller.
 * It is {@link NoThreadClone}: all threads of a run feed the one instance, which counts without locks.
 */
public class OrderSummaryListener extends AbstractTestElement
        implements SampleListener, TestStateListener, Remoteable, NoThreadClone {

    /** Fields of older plans that nothing reads any more ({@link #forgetRetiredFields()}). */
    static final List<String> RETIRED_KEYS = List.of("OrderSummary.users", "OrderSummary.spawnRate");
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(OrderSummaryListener.class);

    /** The host name the runs of this JVM's own engine take part under. */
    private static final String THIS_JVM = "local";
    private static final Duration SHOP_TIMEOUT = Duration.ofSeconds(10);
    /** Set to false to keep exit status 0 after a failed verdict (e.g. when the build checks summary.json itself). */
    public static final String EXIT_ON_FAILURE_PROPERTY = "orderflow.summary.exit_on_failure";

    /** How engines send samples to the controller; the default, StrippedBatch, keeps each sample whole. */
    private static final String SENDER_MODE_PROPERTY = "mode";
    private static final String STATISTICAL_MODE = "Statistical";
    /** JMeter's own switch to call System.exit(0) at the end of a non-GUI test, before anything else can. */
    private static final String FORCED_EXIT_PROPERTY = "jmeterengine.force.system.exit";

    private transient volatile SharedRun shared = new SharedRun();
    /** The host this copy counts for on a distributed run's controller (JMeter runs one copy per engine). */
    private transient volatile String host;
    /** That host's engine number as its samples say it, once one came; -1 before. */
    private transient volatile int engineOfHost = -1;

    /**
     * Drops the users and spawn-rate fields older plans carry: the summary now takes both from the thread
     * groups' load reports, and a plan saved again should not keep numbers nothing reads.
     */
    public void forgetRetiredFields() {
        RETIRED_KEYS.forEach(this::removeProperty);
    }

    /** The counts of the running or last run of this element (and its running copies), for the GUI. */
    public RunCounts liveCounts() {
        return shared().liveCounts();
    }

    /** The summary of this element's last finished run, or null. */
    public RunSummary lastSummary() {
        return shared().lastSummary();
    }

    @Override
    public Object clone() {
        OrderSummaryListener copy = (OrderSummaryListener) super.clone();
        copy.shared = shared(); // the running copies count into the one run this element shows
        return copy;
    }

    /** Every sample passes here: no lock unless the element was deserialized and has no state yet. */
    private SharedRun shared() {
        SharedRun run = shared;
        if (run == null) {
            synchronized (this) {
                if (shared == null) {
                    shared = new SharedRun();
                }
                run = shared;
            }
        }
        return run;
    }

    /**
     * On a distributed run's non-GUI controller JMeter turns the plan's elements on right before it starts each
     * engine, the only moment this element hears of the run before an engine calls back: the engines are watched
     * from here, so that one that dies or hangs before its part of the run starts is named and ends the run too.
     */
    @Override
    public void setRunningVersion(boolean runningVersion) {
        super.setRunningVersion(runningVersion);
        if (runningVersion && JMeter.isNonGUI()) {
            List<String> engines = ControllerCluster.engines(System.getProperty("sun.java.command"),
                    JMeterUtils::getProperty);
            shared().expectEngines(engines, this::engineLost);
        }
    }

    @Override
    public void testStarted() {
        start(THIS_JVM, false);
    }

    @Override
    public void testStarted(String host) {
        start(host, true);
    }

    private void start(String host, boolean distributed) {
        if (distributed && STATISTICAL_MODE.equalsIgnoreCase(JMeterUtils.getPropDefault(SENDER_MODE_PROPERTY, ""))) {
            // that sender merges the engines' samples into plain statistics: no order-flow mark reaches this listener
            String warning = "Order summary listener '" + getName() + "': " + SENDER_MODE_PROPERTY + "="
                    + STATISTICAL_MODE + " sends no order-flow samples to the controller: the order funnel will"
                    + " count nothing";
            log.warn(warning);
            System.out.println(warning); // NOSONAR the console is where a non-GUI user looks
        }
        try {
            if (!shared().join(host, this::startRun)) {
                // another element of this plan already counts for this host with the same state: this one is a
                // pasted copy and must count on its own
                SharedRun own = new SharedRun();
                shared = own;
                own.join(host, this::startRun);
            }
        } catch (InvalidSettingsException e) {
            refuse(e, distributed);
        }
        if (JMeter.isNonGUI()) {
            shared().publishOnExit(this::publishInterrupted);
        }
        if (distributed) {
            this.host = host;
            this.engineOfHost = -1;
            shared().watchEngines(List.of(host), this::engineLost);
        }
    }

    /** On the JVM's way out (Ctrl-C, SIGTERM) while the run still runs: the summary of what was collected. */
    private void publishInterrupted() {
        SharedRun run = shared();
        SharedRun.EndedRun ended = run.interrupt(System.currentTimeMillis());
        if (ended != null) {
            publish(run, ended);
        }
    }

    /** An engine died or stopped answering: its part of the run ends here, and the verdict names it. */
    private void engineLost(String lostHost, long lastAnswerMs, long lostAtMs, String cause) {
        SharedRun run = shared();
        if (!run.takesPart(lostHost)) {
            // lost before its part of the run started: it takes part as a lost engine, starting the run if need be
            try {
                run.join(lostHost, this::startRun);
            } catch (InvalidSettingsException e) {
                log.error(e.getMessage());
                return;
            }
        }
        RunRecorder recorder = run.recorder();
        List<String> cluster = run.cluster();
        int engine = run.engineOf(lostHost) >= 0 ? run.engineOf(lostHost) : cluster.indexOf(lostHost);
        int engines = Math.max(recorder == null ? 0 : recorder.engines(), cluster.size());
        // the cluster's users as any engine's load report tells them, when one has come in (else at the run's end)
        EngineLoss loss = new EngineLoss(lostHost, engine, engines, lastAnswerMs, lostAtMs, -1,
                engine >= 0 && recorder != null ? recorder.usersSeenOn(engine) : 0, cause)
                .knowingClusterUsers(recorder == null ? null : recorder.plannedLoad().users());
        String warning = "Order summary: " + loss.describe() + "; the run goes on without it";
        log.error(warning);
        System.out.println(warning); // NOSONAR the console is where a non-GUI user looks
        SharedRun.EndedRun ended = run.lose(loss, run.hostsExpected());
        if (ended != null) {
            publish(run, ended);
        }
    }

    private StartedRun startRun() {
        RunSettings settings = RunSettingsReader.read(getName(), this::evaluated);
        RunningLimits.started(settings.limits());
        ShopStats before = null;
        String error = null;
        if (settings.reconciles()) {
            try {
                before = new AdminStatsClient(SHOP_TIMEOUT).fetch(settings.shop());
            } catch (ShopStatsException e) {
                error = "at test start: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted while reading the shop's statistics at test start";
            }
            if (error != null) {
                // said now, so that a person watching sees it at once; the run fails at its end
                String warning = "Order summary listener '" + getName() + "': the shop's statistics cannot be read "
                        + error + "; this run will fail its reconciliation";
                log.warn(warning);
                System.out.println(warning); // NOSONAR the console is where a non-GUI user looks
            }
        }
        return new StartedRun(settings, new RunRecorder(), before, error);
    }

    /** The value of a field as the run uses it; an empty admin key may come from a file or the environment. */
    private String evaluated(Setting field) {
        String value = ExpressionValues.evaluated(OrderSummarySchema.INSTANCE, this, field);
        if (field == OrderSummarySchema.ADMIN_KEY && value.isBlank()) {
            return AdminKeyFallback.find(getName(), JMeterUtils::getProperty, System::getenv);
        }
        return value;
    }

    private void refuse(InvalidSettingsException e, boolean distributed) {
        log.error(e.getMessage());
        if (JMeter.isNonGUI()) {
            System.out.println(e.getMessage()); // NOSONAR the console is where a non-GUI user looks
            if (distributed) {
                // the engines stop at this exception and never end the test, so the controller would wait forever
                System.out.println("The controller exits: restart the engines before the next run"); // NOSONAR
                System.exit(1); // NOSONAR nothing has run yet: there is nothing to finish
            }
            FailedRunExit.armForThisJvm("Order summary: the run was refused");
        } else {
            JMeterUtils.reportErrorToUser(e.getMessage(), "Order summary listener");
        }
        throw e; // stops the engine before any thread starts: no load is sent with unusable settings
    }

    @Override
    public void sampleOccurred(SampleEvent event) {
        SampleResult result = event.getResult();
        if (engineOfHost < 0 && host != null && result instanceof OrderFlowSampleResult flow) {
            // the engine number a lost engine's users are counted under
            engineOfHost = flow.getEngine();
            shared().engineIs(host, flow.getEngine());
        }
        shared().record(result);
    }

    @Override
    public void sampleStarted(SampleEvent event) {
        // only finished samples count
    }

    @Override
    public void sampleStopped(SampleEvent event) {
        // only finished samples count
    }

    @Override
    public void testEnded() {
        end(THIS_JVM, 1);
    }

    @Override
    public void testEnded(String host) {
        // an engine may end before another has even started: wait for as many engines as the samples report
        end(host, shared().hostsExpected());
    }

    private void end(String host, int expectedHosts) {
        SharedRun run = shared();
        SharedRun.EndedRun ended = run.leave(host, expectedHosts);
        if (ended != null) {
            publish(run, ended);
        }
    }

    private void publish(SharedRun run, SharedRun.EndedRun ended) {
        try {
            publishAndExit(run, ended);
        } finally {
            run.summarised();
        }
    }

    private void publishAndExit(SharedRun run, SharedRun.EndedRun ended) {
        RunSummary summary = new SummaryPublisher(new AdminStatsClient(SHOP_TIMEOUT), System.out)
                .publish(ended.run(), ended.hosts(), ended.endings());
        run.finished(summary);
        if (ended.interruptedAtMs() > 0) {
            return; // the JVM is ending already, with the status its end gives it
        }
        if (!ended.losses().isEmpty() && JMeter.isNonGUI()) {
            boolean keepZero = !JMeterUtils.getPropDefault(EXIT_ON_FAILURE_PROPERTY, true);
            FailedRunExit.afterLostEngine("Order summary: the run lost " + ended.losses().size()
                    + " engine(s), named above, and JMeter would wait for them forever"
                    + (keepZero ? "; " + EXIT_ON_FAILURE_PROPERTY + "=false keeps 0" : ""), keepZero ? 0 : 1);
        } else if (!summary.passed() && JMeter.isNonGUI()) {
            if (JMeterUtils.getPropDefault(FORCED_EXIT_PROPERTY, false)) {
                System.out.println("Order summary: the run failed, but " + FORCED_EXIT_PROPERTY // NOSONAR
                        + "=true makes JMeter exit with 0 right after the test: read the verdict in summary.json");
            } else if (JMeterUtils.getPropDefault(EXIT_ON_FAILURE_PROPERTY, true)) {
                FailedRunExit.armForThisJvm("Order summary: the run failed " + summary.failures().size()
                        + " check(s), listed above");
            } else {
                System.out.println("Order summary: the run failed; exit status stays 0 as " // NOSONAR
                        + EXIT_ON_FAILURE_PROPERTY + "=false asks");
            }
        }
    }
}
