package dev.orderflow.jmeter.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The shared client's resolver: the virtual user's own {@link HostResolver} when it has one, else Jetty's. Jetty
 * resolves a new connection's address on the thread that asks for the connection, the user's own, so the user's
 * resolver travels in a thread local set around that call.
 */
final class UserDnsResolver implements SocketAddressResolver {

    private static final ThreadLocal<HostResolver> CURRENT = new ThreadLocal<>();

    private final SocketAddressResolver fallback;

    UserDnsResolver(SocketAddressResolver fallback) {
        this.fallback = fallback;
    }

    /** Runs the connect call with this user's resolver (null: Jetty's). */
    static void with(HostResolver resolver, Runnable connect) {
        if (resolver == null) {
            connect.run();
            return;
        }
        CURRENT.set(resolver);
        try {
            connect.run();
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    public void resolve(String host, int port, Promise<List<InetSocketAddress>> promise) {
        HostResolver resolver = CURRENT.get();
        if (resolver == null) {
            fallback.resolve(host, port, promise);
            return;
        }
        try {
            InetAddress[] addresses = resolver.resolve(host);
            if (addresses == null || addresses.length == 0) {
                throw new UnknownHostException(host);
            }
            List<InetSocketAddress> result = new ArrayList<>(addresses.length);
            for (InetAddress address : addresses) {
                result.add(new InetSocketAddress(address, port));
            }
            promise.succeeded(result);
        } catch (UnknownHostException e) {
            promise.failed(e);
        }
    }
}
