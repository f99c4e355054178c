package dev.orderflow.jmeter.live;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jmeter.JMeter;
import org.apache.jmeter.engine.util.NoThreadClone;
import org.apache.jmeter.samplers.Remoteable;
import org.apache.jmeter.samplers.SampleEvent;
import org.apache.jmeter.samplers.SampleListener;
import org.apache.jmeter.testelement.AbstractTestElement;
import org.apache.jmeter.testelement.TestStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.jmeter.element.CheckedAtTestStart;
import dev.orderflow.jmeter.element.ExpressionValues;
import dev.orderflow.jmeter.element.InvalidSettingsException;
import dev.orderflow.jmeter.element.SettingsReader;

/**
 * The live view: while a run goes on, a page in the browser shows its users against the plan, requests and
 * failures per second, response times per label, the order funnel, the thresholds and the engines, updated every
 * second. The address is printed when the run starts.
 *
 * <p>Like the order summary it is {@link Remoteable} and {@link NoThreadClone}: in a distributed run it stays on
 * the controller, hears every engine's samples, and the copies JMeter makes per engine share one run and one page.
 * In a run without a GUI the page closes when the run ends (the browser keeps the last figures); in the GUI it
 * stays until the next run starts.
 */
public class LiveViewListener extends AbstractTestElement
        implements SampleListener, TestStateListener, Remoteable, NoThreadClone {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(LiveViewListener.class);
    /** How long a run without GUI keeps its page after the end, so that the last event reaches every browser. */
    private static final int CLOSE_GRACE_SECONDS = 2;

    private transient volatile Shared shared = new Shared();

    @Override
    public Object clone() {
        LiveViewListener copy = (LiveViewListener) super.clone();
        copy.shared = shared(); // the running copies feed the one page this element serves
        return copy;
    }

    private Shared shared() {
        Shared state = shared;
        if (state == null) {
            synchronized (this) {
                if (shared == null) {
                    shared = new Shared();
                }
                state = shared;
            }
        }
        return state;
    }

    /** The page's address while this element serves it, or null. */
    public String address() {
        LiveRun run = shared().run;
        return run == null ? null : run.uri().toString();
    }

    /** Stops serving the page now (the GUI keeps it until the next run; tests end it themselves). */
    public void stopServing() {
        shared().close();
    }

    @Override
    public void testStarted() {
        start(LiveRun.THIS_JVM);
    }

    @Override
    public void testStarted(String host) {
        start(host);
    }

    private void start(String host) {
        LiveViewSettings settings;
        try {
            settings = LiveViewSettings.read(SettingsReader.of(LiveViewSchema.INSTANCE, getName(),
                    setting -> ExpressionValues.evaluated(LiveViewSchema.INSTANCE, this, setting)));
        } catch (InvalidSettingsException e) {
            // the run is refused before any user starts, and the order summary's verdict says why
            CheckedAtTestStart.refuse(e.getMessage(), LiveViewSchema.INSTANCE.menuLabel());
            return;
        }
        if (settings == null) {
            return;
        }
        shared().join(host, settings, getName());
    }

    @Override
    public void sampleOccurred(SampleEvent event) {
        LiveRun run = shared().run;
        if (run != null) {
            run.record(event.getResult(), event.getHostname() == null || shared().local ? LiveRun.THIS_JVM
                    : event.getHostname());
        }
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
        shared().leave(LiveRun.THIS_JVM);
    }

    @Override
    public void testEnded(String host) {
        shared().leave(host);
    }

    /** The run the element and its running copies serve, and the hosts taking part in it. */
    private static final class Shared {
        private final Set<String> active = new HashSet<>();
        private volatile LiveRun run;
        private volatile boolean local;
        private boolean running;

        synchronized void join(String host, LiveViewSettings settings, String name) {
            if (!running) {
                close(); // the last run's page, kept for a person to look at, gives way to this one
                try {
                    run = new LiveRun(settings);
                } catch (IOException | RuntimeException e) {
                    // the load test matters more than its live view: say it loudly and run without it
                    String warning = "Live view '" + name + "': cannot serve on " + settings.address().getHostAddress()
                            + ":" + settings.port() + " (" + e.getMessage() + "); the run goes on without it";
                    log.warn(warning);
                    System.out.println(warning); // NOSONAR the console is where a non-GUI user looks
                    return;
                }
                running = true;
                local = LiveRun.THIS_JVM.equals(host);
                String line = "Live view of the run: " + run.uri();
                log.info(line);
                System.out.println(line); // NOSONAR the console is where a person finds the address
            }
            active.add(host);
            run.joined(host);
        }

        synchronized void leave(String host) {
            LiveRun current = run;
            if (!running || current == null || !active.remove(host)) {
                return;
            }
            current.left(host);
            if (!active.isEmpty()) {
                return;
            }
            running = false;
            current.end();
            if (JMeter.isNonGUI()) {
                // JMeter exits when the run ends: the server must not hold it, but the browsers get the last figures
                CompletableFuture.delayedExecutor(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS).execute(current::close);
                run = null;
            }
        }

        synchronized void close() {
            LiveRun current = run;
            if (current != null) {
                current.close();
                run = null;
            }
            running = false;
            active.clear();
        }
    }
}
