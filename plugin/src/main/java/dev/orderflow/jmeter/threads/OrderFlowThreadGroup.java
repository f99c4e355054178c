package dev.orderflow.jmeter.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jmeter.engine.StandardJMeterEngine;
import org.apache.jmeter.threads.AbstractThreadGroup;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jmeter.threads.JMeterThread;
import org.apache.jmeter.threads.JMeterVariables;
import org.apache.jmeter.threads.ListenerNotifier;
import org.apache.jmeter.testelement.property.CollectionProperty;
import org.apache.jmeter.testelement.property.JMeterProperty;
import org.apache.jmeter.testelement.property.PropertyIterator;
import org.apache.jmeter.testelement.property.TestElementProperty;
import org.apache.jorphan.collections.ListedHashTree;
import org.apache.jorphan.util.JMeterStopTestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.jmeter.element.StartRefusals;
import dev.orderflow.jmeter.flow.GroupLoad;
import dev.orderflow.jmeter.flow.VirtualUser;
import dev.orderflow.jmeter.threads.cluster.EngineLocator;
import dev.orderflow.jmeter.threads.cluster.EngineShare;
import dev.orderflow.jmeter.threads.cluster.LoadReportSender;
import dev.orderflow.jmeter.threads.plan.LoadPlan;
import dev.orderflow.jmeter.threads.plan.PlannedCurve;
import dev.orderflow.jmeter.threads.run.GroupRun;
import dev.orderflow.jmeter.threads.run.LocalGroups;
import dev.orderflow.jmeter.threads.run.UserThreads;
import dev.orderflow.jmeter.threads.shape.LoadScale;
import dev.orderflow.jmeter.threads.shape.LoadSchedule;
import dev.orderflow.jmeter.threads.shape.ShapeDefinitionException;
import dev.orderflow.jmeter.threads.shape.ShapeKind;
import dev.orderflow.jmeter.threads.shape.ShapeParser;
import dev.orderflow.jmeter.threads.shape.ShapeSettings.StageText;
import dev.orderflow.jmeter.threads.shape.ShapeSettings;

/**
 * A thread group that runs the load the way Locust does: a number of users reached at a spawn rate and held
 * for a run time (or for a number of iterations per user), a table of stages, or a Groovy shape script asked
 * each second. In a distributed run users and spawn rate are cluster totals, each engine running its share,
 * and every user gets a cluster-unique number in its variables ({@link VirtualUser}).
 *
 * <p>The settings are the plan's full load; the JMeter properties {@code scale} and {@code timescale}
 * ({@link LoadScale}) scale them for a run, so a plan holds plain numbers.
 *
 * <p>The element only holds the settings and wires a run together; {@link ShapeParser} validates them,
 * {@link LoadPlan} says what load is wanted when, and {@link GroupRun} runs the users.
 */
public class OrderFlowThreadGroup extends AbstractThreadGroup {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(OrderFlowThreadGroup.class);

    /** The run in progress, on the element the engine starts (never on the per-user clones). */
    private transient volatile GroupRun run;
    /** Sends the run's load report once the run is over; taken (set to null) by whoever sends it. */
    private transient LoadReportSender pendingReport;

    public OrderFlowThreadGroup() {
        setSamplerController(new UserLoopController());
    }

    // ---- settings beyond plain text; every text setting is read and written through OrderFlowThreadGroupSchema ----

    /** The shape to run; the users shape when the setting names none (an expression not yet evaluated, say). */
    public ShapeKind getShapeKind() {
        return ShapeKind.fromPropertyValue(OrderFlowThreadGroupSchema.SHAPE.read(this)).orElse(ShapeKind.USERS);
    }

    public void setShape(ShapeKind kind) {
        OrderFlowThreadGroupSchema.SHAPE.write(this, kind.propertyValue());
    }

    /** The rows of the stages shape, as written. */
    public List<StageText> getStages() {
        List<StageText> rows = new ArrayList<>();
        JMeterProperty stages = getProperty(OrderFlowThreadGroupSchema.STAGES.name());
        if (stages instanceof CollectionProperty collection) {
            PropertyIterator items = collection.iterator();
            while (items.hasNext()) {
                if (items.next().getObjectValue() instanceof StageRow row) {
                    rows.add(row.toText());
                }
            }
        }
        return rows;
    }

    /** Stores the rows of the stages shape as the plan saves them: a collection of {@link StageRow} elements. */
    public void setStages(List<StageText> rows) {
        CollectionProperty stages = new CollectionProperty();
        stages.setName(OrderFlowThreadGroupSchema.STAGES.name());
        for (int i = 0; i < rows.size(); i++) {
            stages.addProperty(new TestElementProperty("stage" + (i + 1), new StageRow(rows.get(i))));
        }
        setProperty(stages);
    }

    /** Whether users run on virtual threads where the JVM has them; yes unless the plan says otherwise. */
    public boolean isVirtualThreads() {
        return getPropertyAsBoolean(OrderFlowThreadGroupSchema.VIRTUAL_THREADS.name(),
                Boolean.parseBoolean(OrderFlowThreadGroupSchema.VIRTUAL_THREADS.defaultValue()));
    }

    /** The shape settings; while a test runs, with every expression evaluated. */
    public ShapeSettings getShapeSettings() {
        return new ShapeSettings(
                OrderFlowThreadGroupSchema.SHAPE.read(this),
                OrderFlowThreadGroupSchema.USERS.read(this),
                OrderFlowThreadGroupSchema.SPAWN_RATE.read(this),
                OrderFlowThreadGroupSchema.RUN_TIME.read(this),
                OrderFlowThreadGroupSchema.ITERATIONS.read(this),
                getStages(),
                OrderFlowThreadGroupSchema.SCRIPT.read(this),
                OrderFlowThreadGroupSchema.TIME_SCALE.read(this),
                OrderFlowThreadGroupSchema.TICK_TIME_LIMIT.read(this));
    }

    /**
     * Users this engine runs at the peak of a users or stages shape, which JMeter adds to its thread total;
     * 0 for a script shape (known only while it runs) or settings that do not parse.
     */
    @Override
    public int getNumThreads() {
        if (getShapeKind() == ShapeKind.SCRIPT) {
            return 0;
        }
        try {
            LoadSchedule schedule = ShapeParser.parse(getShapeSettings(), LoadScale.fromJMeterProperties());
            EngineShare share = EngineLocator.fromJMeterProperties();
            if (schedule instanceof LoadSchedule.Constant constant) {
                return share.users(constant.users());
            }
            return ((LoadSchedule.Staged) schedule).stages().stream()
                    .mapToInt(stage -> share.users(stage.users())).max().orElse(0);
        } catch (ShapeDefinitionException e) {
            return 0;
        }
    }

    // ---- running ----

    @Override
    public void start(int groupNumber, ListenerNotifier notifier, ListedHashTree groupTree,
                      StandardJMeterEngine engine) {
        LoadReportSender report = LoadReportSender.forGroup(this, getName(), groupTree);
        LoadScale scale;
        LoadSchedule schedule;
        LoadPlan plan;
        Duration stopGrace;
        EngineShare share;
        try {
            List<String> refusals = StartRefusals.ofCurrentTest();
            if (!refusals.isEmpty()) {
                throw new ShapeDefinitionException("Test", "was refused at its start: " + String.join("; ", refusals));
            }
            scale = LoadScale.fromJMeterProperties();
            refuseScalingTwice(scale);
            schedule = ShapeParser.parse(getShapeSettings(), scale);
            plan = LoadPlan.of(schedule);
            stopGrace = ShapeParser.stopGrace(OrderFlowThreadGroupSchema.STOP_GRACE.read(this));
            share = EngineLocator.fromJMeterProperties();
            if (!(getSamplerController() instanceof UserLoopController loop) || loop.repeatsAfterItsLastIteration()) {
                throw new ShapeDefinitionException("Main controller",
                        "must be a " + UserLoopController.class.getSimpleName()
                                + " that ends after its last iteration; open and save the plan in JMeter to repair it");
            }
        } catch (ShapeDefinitionException e) {
            String message = "OrderFlowThreadGroup '" + getName() + "' cannot start: " + e.getMessage();
            log.error(message, e);
            EngineShare here = engineOrAlone();
            report.send(new GroupLoad(getName(), here.engine(), here.engines(), 0, 0, false,
                    "it could not start: " + e.getMessage(), 0));
            // The test as a whole refuses to run, not just this group.
            engine.stopTest(false);
            throw new JMeterStopTestException(message);
        }
        UserThreads threads = UserThreads.choose(isVirtualThreads());
        if (isVirtualThreads() && !threads.virtual()) {
            log.info("OrderFlowThreadGroup '{}': virtual threads need Java 21 or newer, this is Java {}:"
                            + " users run on platform threads",
                    getName(), Runtime.version().feature());
        }
        log.info("OrderFlowThreadGroup '{}' (group {}): engine {} of {}, {}{}, {} users at most here; users run on {}",
                getName(), groupNumber, share.engine(), share.engines(), schedule.describe(),
                scale.appliedTo(getShapeKind()).isFull() ? "" : " (" + scale.appliedTo(getShapeKind()).describe()
                        + " of the plan's numbers)", getNumThreads(),
                threads.describe());
        // A copy, read by the starter thread while the engine's thread goes on with other groups.
        JMeterVariables planVariables = new JMeterVariables();
        planVariables.putAll(JMeterContextService.getContext().getVariables());
        GroupRun.UserFactory users = userNumber -> {
            ListedHashTree userTree = cloneTree(groupTree);
            JMeterVariables variables = new JMeterVariables();
            variables.putAll(planVariables);
            new VirtualUser(userNumber, share.engine(), share.engines(), true).writeTo(variables);
            JMeterThread thread = makeThread(engine, this, notifier, groupNumber, userNumber, userTree, variables);
            AbstractThreadGroup userGroup = (AbstractThreadGroup) userTree.getArray()[0];
            return new GroupRun.NewUser(thread, (UserLoopController) userGroup.getSamplerController());
        };
        GroupRun newRun = new GroupRun(getName(), plan, share, schedule.iterationsPerUser(), stopGrace, users,
                threads, System::nanoTime, () -> engine.stopTest(false));
        run = newRun;
        setPendingReport(report);
        newRun.start();
        // the live view's plan; a script's shape is only known as it runs
        PlannedCurve curve = schedule instanceof LoadSchedule.Scripted
                ? null : PlannedCurve.of(LoadPlan.of(schedule), PlannedCurve.horizonFor(schedule));
        LocalGroups.started(new LocalGroups.RunningGroup(getName(), curve, newRun::load, newRun::aliveUsers));
        if (curve != null) {
            long startMs = newRun.load().startEpochMs();
            report.sendPlan(startMs > 0 ? startMs : System.currentTimeMillis(), schedule, curve);
        }
    }

    /**
     * A field that reads scale or timescale itself (a plan written before the thread group applied them) would be
     * scaled twice: at full scale that is harmless and only said, at any other it refuses the run.
     */
    private void refuseScalingTwice(LoadScale scale) throws ShapeDefinitionException {
        List<String> fields = ScaledTwice.fields(this).stream()
                .map(name -> name.substring(name.startsWith(OrderFlowThreadGroupSchema.PREFIX)
                        ? OrderFlowThreadGroupSchema.PREFIX.length() : 0))
                .toList();
        if (fields.isEmpty()) {
            return;
        }
        String problem = "reads the scale or timescale property itself, which the thread group applies to the plan's"
                + " numbers too: write the full load as plain numbers (1000 users, not an expression of scale)";
        if (!scale.isFull()) {
            throw new ShapeDefinitionException(String.join(", ", fields), problem + "; at "
                    + scale.describe() + " it would be scaled twice");
        }
        log.warn("OrderFlowThreadGroup '{}': {} {}", getName(), String.join(", ", fields), problem);
    }

    private synchronized void setPendingReport(LoadReportSender report) {
        pendingReport = report;
    }

    private synchronized LoadReportSender takePendingReport() {
        LoadReportSender report = pendingReport;
        pendingReport = null;
        return report;
    }

    /** This engine's place for a report of a group that could not start: alone when even that cannot be found. */
    private static EngineShare engineOrAlone() {
        try {
            return EngineLocator.fromJMeterProperties();
        } catch (ShapeDefinitionException e) {
            return EngineShare.SINGLE;
        }
    }

    @Override
    public void threadFinished(JMeterThread thread) {
        // Bookkeeping happens when the user's thread has left JMeterThread.run entirely (GroupRun.runUser),
        // which is later than this call and the moment that matters for "every user has ended".
    }

    @Override
    public boolean stopThread(String threadName, boolean now) {
        GroupRun current = run;
        return current != null && current.stopUser(threadName, now);
    }

    @Override
    public int numberOfActiveThreads() {
        GroupRun current = run;
        return current == null ? 0 : current.aliveUsers();
    }

    /**
     * Starts one user beyond the shape, right away (after {@code delay} ms); it runs until the test stops.
     *
     * @return its thread, or null when the group is not running or is stopping
     */
    @Override
    public JMeterThread addNewThread(int delay, StandardJMeterEngine engine) {
        GroupRun current = run;
        return current == null ? null : current.addUser(delay).orElse(null);
    }

    @Override
    public boolean verifyThreadsStopped() {
        GroupRun current = run;
        if (current == null) {
            return true;
        }
        try {
            return current.awaitEnd(DEFAULT_THREAD_STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void waitThreadsStopped() {
        GroupRun current = run;
        if (current == null) {
            return;
        }
        try {
            current.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("OrderFlowThreadGroup '{}': interrupted while waiting for its users to end", getName());
        }
        // JMeter waits here before telling the listeners that the test ended: the report reaches them first
        LoadReportSender report = takePendingReport();
        if (report != null) {
            report.send(current.load());
        }
    }

    /** Hard stop: no more users; every user is stopped and interrupted. */
    @Override
    public void tellThreadsToStop() {
        GroupRun current = run;
        if (current != null) {
            current.stopNow();
        }
    }

    /** Graceful stop: no more users; every user finishes its current sample and ends. */
    @Override
    public void stop() {
        GroupRun current = run;
        if (current != null) {
            current.stop();
        }
    }
}
