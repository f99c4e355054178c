package dev.orderflow.jmeter.http;

import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One virtual user's HTTP/1.1 client for one shop: a single keep-alive connection and a cookie jar.
 *
 * <p>A request goes out on the kept-alive connection when that is still open, else on a new one.
 * Whether it is still open is checked just before writing, so a connection the shop closed while idle
 * is replaced before anything is sent on it. Once any byte of a request may have left, the request is
 * never sent again, whatever its method: a failure is reported instead, because the shop may have
 * acted on it.
 *
 * <p>Used by one thread at a time; {@link #abort()} may be called from any thread.
 */
public final class HttpUserAgent implements AutoCloseable {

    private final Endpoint endpoint;
    private final ConnectionSettings settings;
    private final LongSupplier nanoClock;
    private final HttpConnection connection;
    private final RequestEncoder encoder = new RequestEncoder();
    private final CookieJar cookies;
    private volatile boolean aborted;

    public HttpUserAgent(Endpoint endpoint, ConnectionSettings settings) {
        this(endpoint, settings, System::nanoTime, Clock.systemUTC());
    }

    /**
     * @param nanoClock monotonic clock for timings
     * @param wallClock clock for cookie expiry dates
     */
    public HttpUserAgent(Endpoint endpoint, ConnectionSettings settings, LongSupplier nanoClock, Clock wallClock) {
        if (endpoint.tls() && settings.tls() == null) {
            throw new IllegalArgumentException("https needs a TLS socket factory");
        }
        this.endpoint = endpoint;
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.connection = new HttpConnection(endpoint, settings, nanoClock);
        this.cookies = new CookieJar(wallClock);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public CookieJar cookies() {
        return cookies;
    }

    /** Sends the request and reads the answer; never throws for network trouble, it reports it. */
    public HttpExchange send(HttpRequest request) {
        aborted = false;
        long start = nanoClock.getAsLong();
        long connectNanos = 0;
        encoder.encode(request, endpoint, settings.keepAlive(), cookies.header());
        String head = encoder.head();
        if (!connection.isOpen() || !connection.stillUsable()) {
            // the only reconnect there is: nothing of this request has been written yet
            connection.close();
            try {
                connectNanos = connection.open();
            } catch (HttpConnection.FailureException e) {
                return failed(e.failure(), head, start, connectNanos, 0, 0, 0, -1);
            }
        }
        ResponseReader reader = connection.reader();
        long bytesSent = 0;
        try {
            // the deadline starts before writing: a shop that stops reading is as late as one that never answers
            connection.startResponseDeadline(settings.responseTimeoutMillis());
            connection.write(encoder.bytes(), encoder.length());
            // bytes of a write that failed are not counted: how many left the machine is unknown
            bytesSent = encoder.length();
            int kept = request.keptBodyBytes() < 0
                    ? settings.maxBodyBytes()
                    : Math.min(request.keptBodyBytes(), settings.maxBodyBytes());
            HttpResponse response = reader.read(request.method().equals("HEAD"), kept);
            long end = nanoClock.getAsLong();
            // the answer is complete, however close to the deadline; a socket the watchdog closed is not reused
            boolean deadlinePassed = connection.endResponseDeadline();
            cookies.store(response.headers().all("Set-Cookie"));
            if (deadlinePassed || !settings.keepAlive() || !reader.lastAnswerAllowsReuse()) {
                connection.close();
            }
            long headBytes = reader.headBytes();
            return new HttpExchange(response, null, head, connectNanos, reader.firstByteAt() - start, end - start,
                    bytesSent, headBytes, reader.wireBytes() - headBytes);
        } catch (IOException e) {
            // once any of the request may have left, it is never sent again: the shop may have acted on it
            connection.abort();
            connection.close();
            long headBytes = reader.headBytes();
            return failed(afterSendFailure(e, reader), head, start, connectNanos, bytesSent, headBytes,
                    reader.wireBytes() - headBytes, reader.firstByteAt());
        }
    }

    /** Closes the connection, ending any exchange in progress; safe from any thread. */
    public void abort() {
        aborted = true;
        connection.abort();
    }

    @Override
    public void close() {
        connection.close();
    }

    private HttpExchange failed(HttpFailure failure, String head, long start, long connectNanos, long bytesSent,
                                long headBytes, long bodyBytes, long firstByteAt) {
        long end = nanoClock.getAsLong();
        return new HttpExchange(null, failure, head, connectNanos, firstByteAt < 0 ? -1 : firstByteAt - start,
                end - start, bytesSent, headBytes, bodyBytes);
    }

    private HttpFailure afterSendFailure(IOException e, ResponseReader reader) {
        boolean answerStarted = reader.wireBytes() > 0;
        if (!aborted && connection.responseDeadlinePassed()) {
            String message = answerStarted
                    ? "answer incomplete after " + settings.responseTimeoutMillis() + " ms (response timeout)"
                    : "no answer within " + settings.responseTimeoutMillis() + " ms (response timeout)";
            return new HttpFailure(HttpFailure.Kind.RESPONSE_TIMEOUT, message, true);
        }
        if (aborted || e instanceof AsynchronousCloseException || (e instanceof ClosedChannelException
                && Thread.currentThread().isInterrupted())) {
            return new HttpFailure(HttpFailure.Kind.INTERRUPTED, "the request was interrupted: the test is stopping", true);
        }
        if (e instanceof ClosedEarlyException) {
            return new HttpFailure(HttpFailure.Kind.CONNECTION_CLOSED, e.getMessage(), true);
        }
        if (e instanceof MalformedAnswerException) {
            return new HttpFailure(HttpFailure.Kind.MALFORMED_RESPONSE, "malformed answer: " + e.getMessage(), true);
        }
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof SocketException && text.contains("reset")) {
            return new HttpFailure(HttpFailure.Kind.CONNECTION_RESET, answerStarted
                    ? "connection reset by the shop in the middle of the answer"
                    : "connection reset by the shop", true);
        }
        if (e instanceof SocketException && (text.contains("broken pipe") || text.contains("closed"))) {
            return new HttpFailure(HttpFailure.Kind.CONNECTION_CLOSED,
                    "the shop closed the connection while the request was being sent", true);
        }
        return new HttpFailure(HttpFailure.Kind.IO_ERROR, "I/O error talking to " + endpoint.hostAndPort() + ": " + e, true);
    }
}
