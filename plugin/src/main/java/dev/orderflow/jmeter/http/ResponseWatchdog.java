package dev.orderflow.jmeter.http;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces response timeouts from one shared daemon thread, so that reads on a connection block without a
 * socket timeout.
 *
 * <p>A socket timeout makes every read a timed wait: on a virtual thread, a timer scheduled and cancelled per
 * read. Profiled on the order flow, that timer traffic was 8–18 % of the load generator's CPU. Here an
 * exchange costs two atomic writes; one thread looks at every open connection each tick and closes the
 * connection of an exchange whose deadline has passed, which ends the blocked read with an exception.
 * A timeout fires at most one tick late.
 *
 * <p>A {@link Watch} belongs to one socket, never to whatever the connection opens next: closing it can only
 * end the exchange it was armed for.
 */
final class ResponseWatchdog {

    /** How often the deadlines are looked at; a timeout is reported at most this much late. */
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final long IDLE = Long.MAX_VALUE;
    private static final long EXPIRED = Long.MIN_VALUE;

    /** The one every connection uses: a thread for all of them, started with the first. */
    static final ResponseWatchdog SHARED = new ResponseWatchdog();

    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean parkedIdle;

    private ResponseWatchdog() {
    }

    /** Starts watching a newly opened socket; {@link Watch#cancel()} when it closes. */
    Watch watch(SocketChannel channel) {
        Watch watch = new Watch(channel);
        watches.add(watch);
        if (started.compareAndSet(false, true)) {
            Thread watcher = new Thread(this::run, "orderflow-response-timeouts");
            watcher.setDaemon(true);
            thread = watcher;
            watcher.start();
        } else if (parkedIdle) {
            LockSupport.unpark(thread);
        }
        return watch;
    }

    private void run() {
        while (true) {
            if (watches.isEmpty()) {
                parkedIdle = true;
                if (watches.isEmpty()) { // a watch added after the first look has unparked, or will unpark, us
                    LockSupport.park(this);
                }
                parkedIdle = false;
                continue;
            }
            long now = System.nanoTime();
            for (Watch watch : watches) {
                watch.expireIfDue(now);
            }
            LockSupport.parkNanos(this, TICK_NANOS);
        }
    }

    /** The response deadline of one socket's exchange in progress, if any. */
    final class Watch {
        private final SocketChannel channel;
        private final AtomicLong deadline = new AtomicLong(IDLE);

        private Watch(SocketChannel channel) {
            this.channel = channel;
        }

        /** The exchange about to wait for its answer must have it within this many milliseconds; 0: no limit. */
        void arm(long timeoutMillis) {
            deadline.set(timeoutMillis == 0 ? IDLE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        }

        /**
         * The exchange is over. Returns true when its deadline had passed first: the socket is being closed and
         * must not be used again.
         */
        boolean disarm() {
            return deadline.getAndSet(IDLE) == EXPIRED;
        }

        /** True when the socket was closed because the armed exchange ran out of time. */
        boolean expired() {
            return deadline.get() == EXPIRED;
        }

        /** The socket is closed: nothing more to watch. */
        void cancel() {
            watches.remove(this);
        }

        private void expireIfDue(long now) {
            long due = deadline.get();
            // the compare-and-set loses to a disarm that came in between: that exchange ended in time
            if (due != IDLE && due != EXPIRED && now - due >= 0 && deadline.compareAndSet(due, EXPIRED)) {
                watches.remove(this);
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing is all there is to do; the blocked read ends either way
                }
            }
        }
    }
}
