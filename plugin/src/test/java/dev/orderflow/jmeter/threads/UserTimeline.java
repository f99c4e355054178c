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
import org.apache.jmeter.threads.JMeterContext;
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
    /**
     * @param userVariable the raw {@code orderflow.user} variable the user saw, null when it had none
     * @param spawnMillis  when the thread group started this user (its JMeterThread's start time)
     * @param wallMillis   the wall clock when the event was recorded
     */
    public record Event(Kind kind, long nanos, int userNumber, String userVariable, int engineCount, String threadName,
                        boolean virtualThread, long spawnMillis, long wallMillis) {
    }

    private final transient ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    /** JMeter clears a user's variables before telling it has finished: who it was is kept here. */
    private final transient java.util.Map<Thread, Event> startedBy = new java.util.concurrent.ConcurrentHashMap<>();
    private final transient CountDownLatch firstUsers;
    private final transient CountDownLatch firstSamples;

    public UserTimeline() {
        this(1);
    }

    /** A timeline that {@link #awaitUsersStarted} can wait on for {@code users} users. */
    public UserTimeline(int users) {
        setName("user timeline");
        firstUsers = new CountDownLatch(users);
        firstSamples = new CountDownLatch(users);
    }

    @Override
    public void threadStarted() {
        startedBy.put(Thread.currentThread(), record(Kind.USER_STARTED));
        firstUsers.countDown();
    }

    @Override
    public void threadFinished() {
        long now = System.nanoTime();
        Event started = startedBy.remove(Thread.currentThread());
        events.add(new Event(Kind.USER_ENDED, now, started.userNumber(), started.userVariable(), started.engineCount(),
                started.threadName(), started.virtualThread(), started.spawnMillis(), System.currentTimeMillis()));
    }

    @Override
    public void sampleStarting(Sampler sampler) {
        record(Kind.SAMPLE_STARTED);
        firstSamples.countDown();
    }

    @Override
    public void sampleEnded(Sampler sampler) {
        record(Kind.SAMPLE_ENDED);
    }

    /** Waits until the number of users given at construction have started. */
    public boolean awaitUsersStarted(long timeout, TimeUnit unit) throws InterruptedException {
        return firstUsers.await(timeout, unit);
    }

    /** Waits until as many samples have started as users were given at construction. */
    public boolean awaitSamplesStarted(long timeout, TimeUnit unit) throws InterruptedException {
        return firstSamples.await(timeout, unit);
    }

    private Event record(Kind kind) {
        long now = System.nanoTime();
        JMeterContext context = JMeterContextService.getContext();
        VirtualUser user = VirtualUser.of(context);
        Thread thread = Thread.currentThread();
        Event event = new Event(kind, now, user.userNumber(), context.getVariables().get(VirtualUser.USER_NUMBER_VAR),
                user.engineCount(), thread.getName(), isVirtual(thread), context.getThread().getStartTime(),
                System.currentTimeMillis());
        events.add(event);
        return event;
    }

    public List<Event> events() {
        List<Event> all = new ArrayList<>(events);
        all.sort(Comparator.comparingLong(Event::nanos));
        return all;
    }

    public List<Event> events(Kind kind) {
        return events().stream().filter(e -> e.kind() == kind).toList();
    }

    private transient volatile long originNanos;
    private transient volatile long originMillis;

    /** Measures from when the thread group started ({@link ObservedThreadGroup}), both clocks. */
    public UserTimeline from(ObservedThreadGroup group) {
        originNanos = group.startedNanos();
        originMillis = group.startedMillis();
        return this;
    }

    /**
     * Time 0 of the run: when the thread group started, if known ({@link #from}); else when it started its
     * first user (on the nanosecond clock; that user's thread may have got a core somewhat later).
     */
    public long origin() {
        if (originNanos != 0) {
            return originNanos;
        }
        Event first = events(Kind.USER_STARTED).stream()
                .min(Comparator.comparingLong(Event::spawnMillis)).orElseThrow();
        long threadLatencyMillis = Math.max(0, first.wallMillis() - first.spawnMillis());
        return first.nanos() - threadLatencyMillis * 1_000_000;
    }

    /**
     * Seconds after the origin at which the thread group started each user, in order (to the millisecond):
     * the group's spawning, without the time a busy machine then takes to give the new thread a core.
     */
    public List<Double> userStartSeconds() {
        List<Long> spawns = events(Kind.USER_STARTED).stream().map(Event::spawnMillis).sorted().toList();
        long first = originMillis != 0 ? originMillis : spawns.get(0);
        return spawns.stream().map(m -> (m - first) / 1e3).toList();
    }

    /** Seconds after the origin of {@code event}. */
    public double secondsOf(Event event) {
        return (event.nanos() - origin()) / 1e9;
    }

    /** Events of one user, in order. */
    public List<Event> eventsOf(int userNumber) {
        return events().stream().filter(e -> e.userNumber() == userNumber).toList();
    }

    /** Numbers of the users alive {@code seconds} after the origin. */
    public java.util.Set<Integer> aliveAt(double seconds) {
        long at = origin() + Math.round(seconds * 1e9);
        java.util.Set<Integer> alive = new java.util.TreeSet<>();
        for (Event event : events()) {
            if (event.nanos() > at) {
                break;
            }
            if (event.kind() == Kind.USER_STARTED) {
                alive.add(event.userNumber());
            } else if (event.kind() == Kind.USER_ENDED) {
                alive.remove(event.userNumber());
            }
        }
        return alive;
    }

    /** How long each sample took, in seconds, in order of their start. */
    public List<Double> sampleSeconds() {
        java.util.Map<String, Long> running = new java.util.HashMap<>();
        List<Double> durations = new ArrayList<>();
        for (Event event : events()) {
            if (event.kind() == Kind.SAMPLE_STARTED) {
                running.put(event.threadName(), event.nanos());
            } else if (event.kind() == Kind.SAMPLE_ENDED) {
                Long start = running.remove(event.threadName());
                if (start != null) {
                    durations.add((event.nanos() - start) / 1e9);
                }
            }
        }
        return durations;
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

    private static final Method IS_VIRTUAL = isVirtualMethod();

    /** The run as text, for assertion messages: each event with its second and user. */
    public String describe() {
        StringBuilder text = new StringBuilder("timeline:");
        for (Event event : events()) {
            text.append(String.format("%n  %.3f s %s user %d (%s)", secondsOf(event), event.kind(), event.userNumber(),
                    event.threadName()));
        }
        return text.toString();
    }

    /** {@code Thread.isVirtual()}, which code compiled for Java 17 cannot call directly; false before Java 21. */
    public static boolean isVirtual(Thread thread) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (Boolean) IS_VIRTUAL.invoke(thread);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method isVirtualMethod() {
        try {
            return Thread.class.getMethod("isVirtual");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
