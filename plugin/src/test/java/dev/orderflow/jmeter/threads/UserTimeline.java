package dev.orderflow.jmeter.threads;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.jmeter.samplers.SampleMonitor;
import org.apache.jmeter.samplers.Sampler;
import org.apache.jmeter.testelement.AbstractTestElement;
import org.apache.jmeter.testelement.ThreadListener;
import org.apache.jmeter.engine.util.NoThreadClone;
import org.apache.jmeter.threads.JMeterContextService;

import dev.orderflow.jmeter.flow.VirtualUser;

/**
 * Records, from inside each virtual user's own thread, when it started and ended and when each of its samples
 * started and ended (System.nanoTime). One instance is shared by all users of a run.
 */
public class UserTimeline extends AbstractTestElement implements ThreadListener, SampleMonitor, NoThreadClone {

    private static final long serialVersionUID = 1L;

    public enum Kind { USER_STARTED, USER_ENDED, SAMPLE_STARTED, SAMPLE_ENDED }

    /** One moment of one user's life. */
    public record Event(Kind kind, long nanos, int userNumber, int engineCount, String threadName, boolean virtualThread) {
    }

    private final transient ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final transient CountDownLatch firstUsers;

    public UserTimeline() {
        this(1);
    }

    /** A timeline that {@link #awaitUsersStarted} can wait on for {@code users} users. */
    public UserTimeline(int users) {
        setName("user timeline");
        firstUsers = new CountDownLatch(users);
    }

    @Override
    public void threadStarted() {
        record(Kind.USER_STARTED);
        firstUsers.countDown();
    }

    @Override
    public void threadFinished() {
        record(Kind.USER_ENDED);
    }

    @Override
    public void sampleStarting(Sampler sampler) {
        record(Kind.SAMPLE_STARTED);
    }

    @Override
    public void sampleEnded(Sampler sampler) {
        record(Kind.SAMPLE_ENDED);
    }

    /** Waits until the number of users given at construction have started. */
    public boolean awaitUsersStarted(long timeout, TimeUnit unit) throws InterruptedException {
        return firstUsers.await(timeout, unit);
    }

    private void record(Kind kind) {
        VirtualUser user = VirtualUser.of(JMeterContextService.getContext());
        Thread thread = Thread.currentThread();
        events.add(new Event(kind, System.nanoTime(), user.userNumber(), user.engineCount(), thread.getName(), isVirtual(thread)));
    }

    public List<Event> events() {
        List<Event> all = new ArrayList<>(events);
        all.sort(Comparator.comparingLong(Event::nanos));
        return all;
    }

    public List<Event> events(Kind kind) {
        return events().stream().filter(e -> e.kind() == kind).toList();
    }

    /** When the first user started: time 0 of the run as the users saw it. */
    public long origin() {
        return events(Kind.USER_STARTED).get(0).nanos();
    }

    /** Seconds after {@link #origin()} at which each user started, in order. */
    public List<Double> userStartSeconds() {
        long origin = origin();
        return events(Kind.USER_STARTED).stream().map(e -> (e.nanos() - origin) / 1e9).toList();
    }

    /** Users alive (started, not ended) {@code seconds} after the origin. */
    public int activeAt(double seconds) {
        long at = origin() + Math.round(seconds * 1e9);
        int active = 0;
        for (Event event : events()) {
            if (event.nanos() > at) {
                break;
            }
            if (event.kind() == Kind.USER_STARTED) {
                active++;
            } else if (event.kind() == Kind.USER_ENDED) {
                active--;
            }
        }
        return active;
    }

    static boolean isVirtual(Thread thread) {
        try {
            Method isVirtual = Thread.class.getMethod("isVirtual");
            return (Boolean) isVirtual.invoke(thread);
        } catch (NoSuchMethodException e) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
