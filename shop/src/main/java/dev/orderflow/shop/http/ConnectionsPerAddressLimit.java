package dev.orderflow.shop.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most so many open connections from one remote address: a connection over the limit is closed as
 * soon as it opens, before anything is read from it, so one client cannot take every connection the
 * shop can hold. Refusals are logged, at most once a minute for an address.
 *
 * <p>Why our own: Jetty 12.0's {@code ConnectionLimit} counts all connections together and stops
 * accepting when they are too many, which shuts everybody out; its {@code ThreadLimitHandler} and
 * {@code QoSHandler} limit requests being handled, not connections held open.
 */
public final class ConnectionsPerAddressLimit implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddressLimit.class);
    /** A client held at its limit keeps trying: one warning a minute says so without flooding the log. */
    private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int maxPerAddress;
    private final Map<InetAddress, Count> open = new ConcurrentHashMap<>();
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    public ConnectionsPerAddressLimit(int maxPerAddress) {
        if (maxPerAddress < 1) {
            throw new IllegalArgumentException("the connections per address must be at least 1, not " + maxPerAddress);
        }
        this.maxPerAddress = maxPerAddress;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = address(connection.getEndPoint().getRemoteSocketAddress());
        if (address == null) {
            return;
        }
        boolean[] admitted = new boolean[1];
        boolean[] warn = new boolean[1];
        long now = System.nanoTime();
        open.compute(address, (key, count) -> {
            Count c = count == null ? new Count() : count;
            if (c.open < maxPerAddress) {
                c.open++;
                admitted[0] = true;
                // inside the compute, so that onClosed cannot miss a connection that was just counted
                counted.put(connection, address);
            } else if (c.lastWarnedAt == 0 || now - c.lastWarnedAt > WARN_INTERVAL_NANOS) {
                c.lastWarnedAt = now;
                warn[0] = true;
            }
            return c;
        });
        if (admitted[0]) {
            return;
        }
        if (warn[0]) {
            LOG.warn("closing new connections from {}: it has {} open already (--max-connections-per-address)",
                    address.getHostAddress(), maxPerAddress);
        }
        connection.getEndPoint().close();
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = counted.remove(connection);
        if (address == null) {
            return;
        }
        open.computeIfPresent(address, (key, count) -> {
            count.open--;
            return count.open == 0 ? null : count;
        });
    }

    private static InetAddress address(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }

    /** Guarded by the map's compute on its address. */
    private static final class Count {
        int open;
        long lastWarnedAt;
    }
}
