package dev.orderflow.jmeter.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.function.LongSupplier;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One keep-alive connection to the shop: opening it (TCP, then TLS for https), telling whether a
 * kept-alive one is still usable, writing requests and reading answers.
 *
 * <p>The socket is a {@link SocketChannel}'s, used in blocking mode, so that before reuse a
 * non-blocking read can tell for certain whether the shop has already closed its end: a request is
 * only ever written to a connection that was open a moment before. Reads wait without a socket
 * timeout; the {@link ResponseWatchdog} closes the socket when an answer is late.
 * Blocking socket I/O parks a virtual thread instead of pinning its carrier, so this works on
 * platform and virtual threads alike.
 */
final class HttpConnection {

    private final Endpoint endpoint;
    private final ConnectionSettings settings;
    private final LongSupplier clock;
    private final ResponseReader reader;
    private final ByteBuffer probe = ByteBuffer.allocate(64);

    private volatile SocketChannel channel;
    private volatile ResponseWatchdog.Watch watch;
    private Socket socket;
    private OutputStream output;

    HttpConnection(Endpoint endpoint, ConnectionSettings settings, LongSupplier clock) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.clock = clock;
        this.reader = new ResponseReader(clock);
    }

    boolean isOpen() {
        return channel != null;
    }

    ResponseReader reader() {
        return reader;
    }

    /**
     * True when this connection is open and the shop has not closed it, sent anything unasked, or left
     * bytes of an earlier answer: only then may a request be written to it.
     */
    boolean stillUsable() {
        SocketChannel current = channel;
        if (current == null || reader.hasUnreadBytes() || socket.isClosed()) {
            return false;
        }
        try {
            current.configureBlocking(false);
            try {
                probe.clear();
                return current.read(probe) == 0;
            } finally {
                current.configureBlocking(true);
            }
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens a new connection within the connect timeout and returns how long that took.
     *
     * @throws FailureException when no connection could be made; the request was certainly not sent
     */
    long open() throws FailureException {
        long start = clock.getAsLong();
        SocketChannel opened = null;
        try {
            opened = SocketChannel.open();
            channel = opened;
            Socket raw = opened.socket();
            raw.setTcpNoDelay(true);
            InetSocketAddress address = new InetSocketAddress(endpoint.host(), endpoint.port());
            if (address.isUnresolved()) {
                throw new UnknownHostException(endpoint.host());
            }
            raw.connect(address, settings.connectTimeoutMillis());
            Socket io = endpoint.tls() ? handshake(raw, start) : raw;
            socket = io;
            output = io.getOutputStream();
            reader.attach(io.getInputStream());
            watch = ResponseWatchdog.SHARED.watch(opened);
            return clock.getAsLong() - start;
        } catch (IOException | RuntimeException e) {
            closeChannel(opened);
            channel = null;
            throw new FailureException(connectFailure(e));
        }
    }

    private Socket handshake(Socket raw, long start) throws IOException {
        if (settings.tls() == null) {
            throw new SSLException("no TLS socket factory configured");
        }
        SSLSocket tls = (SSLSocket) settings.tls().createSocket(raw, endpoint.host(), endpoint.port(), true);
        tls.setUseClientMode(true);
        if (settings.verifyHostname()) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
        }
        if (settings.connectTimeoutMillis() > 0) {
            long left = settings.connectTimeoutMillis() - (clock.getAsLong() - start) / 1_000_000;
            tls.setSoTimeout((int) Math.max(1, left));
        }
        tls.startHandshake();
        tls.setSoTimeout(0); // from here on the response deadline bounds the reads
        return tls;
    }

    void write(byte[] bytes, int length) throws IOException {
        output.write(bytes, 0, length);
        output.flush();
    }

    /** From now the answer must be complete within this many milliseconds (0: no limit), or the socket is closed. */
    void startResponseDeadline(long timeoutMillis) {
        watch.arm(timeoutMillis);
    }

    /** The answer is in (or the exchange failed); returns true when the deadline had passed first. */
    boolean endResponseDeadline() {
        return watch.disarm();
    }

    /** True when the socket was closed because the answer was late. */
    boolean responseDeadlinePassed() {
        ResponseWatchdog.Watch current = watch;
        return current != null && current.expired();
    }

    /** Closes the connection the orderly way (TLS close_notify included). */
    void close() {
        SocketChannel current = channel;
        channel = null;
        if (current == null) {
            return;
        }
        watch.cancel();
        Socket io = socket;
        socket = null;
        output = null;
        if (io != null && io != current.socket()) {
            try {
                // a short bound: closing TLS writes close_notify, which must not hang on a stalled shop
                io.setSoTimeout(100);
                io.close();
            } catch (IOException e) {
                // the connection is going away either way; the channel close below releases it
            }
        }
        closeChannel(current);
    }

    /** Closes the socket at once from any thread: a read or write blocked on it ends with an exception. */
    void abort() {
        SocketChannel current = channel;
        closeChannel(current);
    }

    private static void closeChannel(SocketChannel current) {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // nothing is left to release
            }
        }
    }

    private HttpFailure connectFailure(Exception e) {
        String where = endpoint.hostAndPort();
        if (e instanceof UnknownHostException) {
            return new HttpFailure(HttpFailure.Kind.UNKNOWN_HOST, "unknown host " + endpoint.host(), false);
        }
        if (e instanceof ClosedByInterruptException || (e instanceof ClosedChannelException && Thread.currentThread().isInterrupted())) {
            return new HttpFailure(HttpFailure.Kind.INTERRUPTED, "interrupted while connecting to " + where, false);
        }
        if (e instanceof ClosedChannelException) {
            return new HttpFailure(HttpFailure.Kind.INTERRUPTED, "connection to " + where + " closed while connecting: the test is stopping", false);
        }
        if (e instanceof SocketTimeoutException) {
            return new HttpFailure(HttpFailure.Kind.CONNECT_TIMEOUT,
                    "no connection to " + where + " within " + settings.connectTimeoutMillis() + " ms (connect timeout)", false);
        }
        if (e instanceof SSLException) {
            return new HttpFailure(HttpFailure.Kind.TLS_HANDSHAKE, "TLS handshake with " + where + " failed: " + e.getMessage(), false);
        }
        if (e instanceof ConnectException && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("refused")) {
            return new HttpFailure(HttpFailure.Kind.CONNECT_REFUSED, "connection refused by " + where, false);
        }
        return new HttpFailure(HttpFailure.Kind.CONNECT_FAILED, "cannot connect to " + where + ": " + e, false);
    }

    /** An exchange failure already put in words. */
    static final class FailureException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient HttpFailure failure;

        FailureException(HttpFailure failure) {
            super(failure.message());
            this.failure = failure;
        }

        HttpFailure failure() {
            return failure;
        }
    }
}
