package dev.orderflow.shop.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose request head (request line and headers) is not complete within a deadline,
 * counted from the connect for its first request, and from the first byte of the next request on a
 * kept-alive connection, as Go's {@code ReadHeaderTimeout} and nginx's {@code client_header_timeout} do.
 * A connection idle between requests is left to the connector's idle timeout, so load-test users that
 * think for a few seconds between requests keep their connection.
 *
 * <p>Why our own: Jetty 12.0 has no such deadline. Its idle timeout restarts with every byte, so a client
 * that trickles one header byte a second holds a connection for ever; {@code HttpConfiguration}'s minimum
 * request data rate applies to bodies only; {@code ConnectionLimit} and {@code QoSHandler} bound
 * connections and requests, not how long a head may take.
 *
 * <p>How: a {@link Connection.Listener} (added to the connector) registers each connection; the
 * {@link #tracker(Handler) tracker} handler, which Jetty calls once a head is complete, marks the
 * connection busy until its response is done; a sweep every tenth of the deadline closes connections
 * still waiting for their head past it. The start of a kept-alive connection's next head is the first
 * sweep that sees its bytes-in count grow, so a deadline ends up to two sweeps late, never early.
 */
public final class RequestHeadDeadline extends AbstractLifeCycle implements Connection.Listener {

    private static final long MIN_SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final long deadlineNanos;
    private final long sweepNanos;
    private final Scheduler scheduler;
    private final Map<Connection, HeadWatch> watches = new ConcurrentHashMap<>();
    private volatile Scheduler.Task nextSweep;

    public RequestHeadDeadline(Duration deadline, Scheduler scheduler) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the request head deadline must be positive, not " + deadline);
        }
        this.deadlineNanos = deadline.toNanos();
        this.sweepNanos = Math.max(MIN_SWEEP_NANOS, deadlineNanos / 10);
        this.scheduler = scheduler;
    }

    /** Wraps the server's handler so that the deadline knows when a head is complete and its response done. */
    public Handler tracker(Handler handler) {
        return new Tracker(handler);
    }

    @Override
    public void onOpened(Connection connection) {
        watches.put(connection, new HeadWatch(System.nanoTime()));
    }

    @Override
    public void onClosed(Connection connection) {
        watches.remove(connection);
    }

    @Override
    protected void doStart() {
        scheduleSweep();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = nextSweep;
        if (task != null) {
            task.cancel();
        }
        watches.clear();
    }

    private void scheduleSweep() {
        if (isRunning() || isStarting()) {
            nextSweep = scheduler.schedule(this::sweep, sweepNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            watches.forEach((connection, watch) -> {
                if (watch.expired(connection.getBytesIn(), now, deadlineNanos)) {
                    watches.remove(connection);
                    connection.getEndPoint().close(new TimeoutException("request head not complete within "
                            + TimeUnit.NANOSECONDS.toMillis(deadlineNanos) + " ms"));
                }
            });
        } finally {
            scheduleSweep();
        }
    }

    /** One connection's state: reading a head (since when), idle between requests, or busy with a request. */
    private static final class HeadWatch {
        private static final long NOT_STARTED = Long.MIN_VALUE;

        private boolean busy;
        private long headStartedAt;
        private long bytesInWhenIdle;

        HeadWatch(long openedAt) {
            // the first head is due from the connect: a client that connects and says nothing is cut off
            this.headStartedAt = openedAt;
        }

        synchronized void requestStarted() {
            busy = true;
        }

        synchronized void responseDone(long bytesIn) {
            busy = false;
            headStartedAt = NOT_STARTED;
            bytesInWhenIdle = bytesIn;
        }

        synchronized boolean expired(long bytesIn, long now, long deadlineNanos) {
            if (busy) {
                return false;
            }
            if (headStartedAt == NOT_STARTED) {
                if (bytesIn > bytesInWhenIdle) {
                    headStartedAt = now;
                }
                return false;
            }
            return now - headStartedAt > deadlineNanos;
        }
    }

    /** Marks a connection busy from the moment Jetty hands over a complete head until its response is done. */
    private final class Tracker extends Handler.Wrapper {
        Tracker(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Connection connection = request.getConnectionMetaData().getConnection();
            HeadWatch watch = watches.get(connection);
            if (watch != null) {
                watch.requestStarted();
                Request.addCompletionListener(request, failure -> watch.responseDone(connection.getBytesIn()));
            }
            return super.handle(request, response, callback);
        }
    }
}
