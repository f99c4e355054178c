package dev.orderflow.jmeter.http;

import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.eclipse.jetty.client.AbstractAuthentication;
import org.eclipse.jetty.client.Authentication;
import org.eclipse.jetty.client.ByteBufferRequestContent;
import org.eclipse.jetty.client.Connection;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.client.transport.internal.HttpConnectionOverHTTP;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.util.Promise;

/**
 * One virtual user's HTTP client for one shop: a connection of its own, kept alive between requests, and a
 * cookie store of its own, on Jetty's {@link HttpClient} shared with the other users (see {@link SharedHttpClients}).
 *
 * <p>A request goes out on the kept-alive connection when Jetty still has it open, else on a new one opened
 * first. Once the request has begun to go out it is never sent again, whatever its method: a failure is reported
 * instead, because the shop may have acted on it. Jetty's request timeout, counted from the start of sending,
 * is the response timeout.
 *
 * <p>Used by one thread at a time, a platform or a virtual one (it blocks on a future while Jetty's threads do
 * the I/O); {@link #abort()} may be called from any thread.
 */
public final class HttpUserAgent implements AutoCloseable {

    private static final int MAX_KEPT_URIS = 64;

    private final Endpoint endpoint;
    private final ConnectionSettings settings;
    private final LongSupplier nanoClock;
    private final SharedHttpClients.Lease lease;
    private final HttpClient client;
    private final Destination destination;
    private final UserCookies ownCookies = new JdkCookies();
    private UserCookies cookies = ownCookies;
    private HostResolver resolver;
    private Connection connection;
    /** The version the open connection speaks, as ALPN or the settings chose it. */
    private HttpVersion version = HttpVersion.HTTP_1_1;
    /** The targets sent lately, parsed (see {@link #uriOf}). */
    private final Map<String, URI> uris = new HashMap<>();
    private DigestCredentials digestCredentials;
    private DigestChallenges digestChallenges;
    /** The last Digest challenge answered, sent up front with the next requests under its URL. */
    private Authentication.Result digest;
    private volatile CompletableFuture<?> waitingOn;
    private volatile Request inFlight;
    private volatile boolean aborted;

    public HttpUserAgent(Endpoint endpoint, ConnectionSettings settings) {
        this(endpoint, settings, System::nanoTime);
    }

    /** @param nanoClock monotonic clock for timings */
    public HttpUserAgent(Endpoint endpoint, ConnectionSettings settings, LongSupplier nanoClock) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.lease = SharedHttpClients.acquire(settings);
        this.client = lease.client();
        this.destination = client.resolveDestination(new Origin(endpoint.scheme(), new Origin.Address(endpoint.host(),
                endpoint.port()), null, settings.httpVersion().protocol(endpoint.tls())));
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** Resolves the shop's (or the proxy's) name with this resolver from now on; null: the system's DNS. */
    public void useResolver(HostResolver hostResolver) {
        resolver = hostResolver;
    }

    /**
     * Keeps the user's cookies in this store from now on (a JMeter HTTP Cookie Manager), or in the user's own store
     * when null.
     */
    public void useCookies(UserCookies store) {
        cookies = store == null ? ownCookies : store;
    }

    /**
     * Answers Digest challenges with these credentials from now on (a JMeter HTTP Authorization Manager's Digest
     * entries); null: a 401 is left to the flow.
     */
    public void useDigestCredentials(DigestCredentials credentials) {
        digestCredentials = credentials;
        if (credentials == null) {
            digest = null; // no Authorization Manager any more: nothing is sent up front either
        }
    }

    /**
     * Sends the request and reads the answer; never throws for network trouble, it reports it. A 401 with a Digest
     * challenge that the user's {@link DigestCredentials} can answer is answered once, on the same connection, and
     * the exchange returned is the answered one, its bytes and times counting both requests (as JMeter's HTTP
     * Request counts a challenge its HTTP client answered).
     */
    public HttpExchange send(HttpRequest request) {
        aborted = false;
        long start = nanoClock.getAsLong();
        URI uri = uriOf(request.target());
        Authentication.Result upFront = digest != null && !request.has("Authorization")
                && AbstractAuthentication.matchesURI(digest.getURI(), uri) ? digest : null;
        Sent sent = sendOnce(request, uri, start, upFront);
        Authentication.Result answer = challengeAnswer(request, uri, sent);
        if (answer == null) {
            return sent.exchange;
        }
        digest = answer;
        HttpExchange refused = sent.exchange;
        HttpExchange answered = sendOnce(request, uri, start, answer).exchange;
        return new HttpExchange(answered.response(), answered.failure(), answered.requestHead(),
                refused.connectNanos() + answered.connectNanos(), answered.firstByteNanos(), answered.elapsedNanos(),
                refused.bytesSent() + answered.bytesSent(), refused.headerBytes() + answered.headerBytes(),
                refused.bodyBytes() + answered.bodyBytes());
    }

    /** What answers the 401 of this exchange's Digest challenge, or null when there is nothing to answer. */
    private Authentication.Result challengeAnswer(HttpRequest request, URI uri, Sent sent) {
        DigestCredentials credentials = digestCredentials;
        if (credentials == null || sent.answer == null || sent.answer.getStatus() != 401 || aborted
                || request.has("Authorization")) {
            // a request with an Authorization header of its own (the flow's token) gets the 401 to act on
            return null;
        }
        DigestCredentials.Credential credential = credentials.forUri(uri);
        if (credential == null) {
            return null;
        }
        if (digestChallenges == null) {
            digestChallenges = new DigestChallenges(client);
        }
        return digestChallenges.answer(sent.jetty, sent.answer, sent.exchange.response().body(), credential);
    }

    /** One exchange: the request as sent to Jetty, its answer (null when it failed) and what it brought. */
    private record Sent(Request jetty, Response answer, HttpExchange exchange) {
    }

    /** Sends once; times are counted from {@code start}, the start of {@link #send}. */
    private Sent sendOnce(HttpRequest request, URI uri, long start, Authentication.Result authorization) {
        long connectNanos = 0;
        if (connection == null || connection.isClosed()) {
            // the only reconnect there is: nothing of this request has been sent yet
            closeConnection();
            long connectStart = nanoClock.getAsLong();
            try {
                connection = connect();
                version = connection instanceof HttpConnectionOverHTTP ? HttpVersion.HTTP_1_1 : HttpVersion.HTTP_2;
            } catch (ConnectFailed e) {
                return new Sent(null, null, failed(e.failure, fallbackHead(request, uri), start, 0, 0, 0, -1));
            }
            connectNanos = nanoClock.getAsLong() - connectStart;
        }
        Request jetty = toJetty(request, uri);
        if (authorization != null) {
            authorization.apply(jetty);
        }
        int kept = request.keptBodyBytes() < 0
                ? settings.maxBodyBytes()
                : Math.min(request.keptBodyBytes(), settings.maxBodyBytes());
        ResponseCollector collector = new ResponseCollector(nanoClock, kept);
        jetty.onRequestBegin(collector);
        AtomicLong encodedBytes = new AtomicLong();
        jetty.attribute(WireCountingDecoder.WIRE_BYTES, encodedBytes);
        org.eclipse.jetty.io.Connection wire = connection instanceof org.eclipse.jetty.io.Connection io ? io : null;
        long inBefore = wire == null ? 0 : wire.getBytesIn();
        long outBefore = wire == null ? 0 : wire.getBytesOut();
        Result result;
        inFlight = jetty;
        try {
            if (aborted) {
                jetty.abort(new StoppedByTest());
            }
            connection.send(jetty, collector);
            result = await(collector.done());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            aborted = true;
            jetty.abort(new StoppedByTest());
            closeConnection();
            return new Sent(jetty, null, failed(new HttpFailure(HttpFailure.Kind.INTERRUPTED,
                    "the request was interrupted: the test is stopping", collector.requestBegun()), headOf(jetty, uri),
                    start, connectNanos, 0, 0, -1));
        } finally {
            inFlight = null;
        }
        long end = nanoClock.getAsLong();
        String head = headOf(jetty, uri);
        long firstByte = collector.answerStartedAt() < 0 ? -1 : collector.answerStartedAt() - start;
        long bytesSent = wire == null ? head.length() + bodyLength(request) : wire.getBytesOut() - outBefore;
        if (result.isFailed()) {
            // a connection that failed an exchange is not reused: the next request opens a new one
            closeConnection();
            HttpFailure failure = aborted
                    ? new HttpFailure(HttpFailure.Kind.INTERRUPTED, "the request was interrupted: the test is stopping",
                            collector.requestBegun())
                    : withBodyProgress(FailureKinds.exchangeFailure(result.getFailure(), collector.requestBegun(),
                            collector.answerStartedAt() >= 0, endpoint, settings.responseTimeoutMillis()),
                            result.getResponse(), collector);
            long received = wire == null ? collector.contentBytes() : wire.getBytesIn() - inBefore;
            Response partial = result.getResponse();
            long headerBytes = partial == null || collector.answerStartedAt() < 0
                    ? 0 : Math.min(received, responseHeadOf(partial).length());
            return new Sent(jetty, null, new HttpExchange(null, failure, head, connectNanos, firstByte, end - start,
                    failure.requestSent() ? bytesSent : 0, headerBytes, received - headerBytes));
        }
        Response answer = result.getResponse();
        String responseHead = responseHeadOf(answer);
        long encoded = encodedBytes.get();
        long headerBytes;
        long bodyBytes;
        if (wire != null) {
            // HTTP/1.1: the connection counted every byte of the answer; what was not body was head (Jetty drops the
            // Content-Encoding and Content-Length of an answer it decodes, so the head text is shorter than it came)
            long received = wire.getBytesIn() - inBefore;
            headerBytes = encoded > 0 ? received - encoded : Math.min(received, responseHead.length());
            bodyBytes = received - headerBytes;
        } else {
            // HTTP/2: the head is counted as its HTTP/1.1 text, the body as it came, before any decoding
            headerBytes = responseHead.length();
            bodyBytes = encoded > 0 ? encoded : collector.contentBytes();
        }
        storeCookies(uri, answer.getHeaders());
        if (!settings.keepAlive()) {
            closeConnection();
        }
        HttpResponse response = new HttpResponse(answer.getStatus(),
                answer.getReason() == null ? "" : answer.getReason(),
                new HttpHeaders(answer.getHeaders()), responseHead, collector.body(), collector.bodyTruncated());
        return new Sent(jetty, answer,
                new HttpExchange(response, null, head, connectNanos, firstByte, end - start, bytesSent,
                        headerBytes, bodyBytes));
    }

    /**
     * The request's URI, parsed once per target: a user sends the same few targets over and over, and parsing one
     * is a good part of the work of building a request.
     */
    private URI uriOf(String target) {
        URI uri = uris.get(target);
        if (uri == null) {
            uri = URI.create(endpoint.baseUrl() + target);
            if (uris.size() >= MAX_KEPT_URIS) {
                uris.clear(); // a flow of ever new targets (ids in paths) keeps only the recent ones
            }
            uris.put(target, uri);
        }
        return uri;
    }

    /** Says how much of a body with a declared length came, when the connection ended in the middle of it. */
    private static HttpFailure withBodyProgress(HttpFailure failure, Response partial, ResponseCollector collector) {
        if (failure.kind() != HttpFailure.Kind.CONNECTION_CLOSED || partial == null
                || collector.answerStartedAt() < 0) {
            return failure;
        }
        long declared = partial.getHeaders().getLongField(org.eclipse.jetty.http.HttpHeader.CONTENT_LENGTH);
        if (declared < 0) {
            return failure;
        }
        return new HttpFailure(failure.kind(), failure.message() + " (" + collector.contentBytes() + " of " + declared
                + " body bytes came)", failure.requestSent());
    }

    /** Ends any exchange in progress and closes the connection; safe from any thread. */
    public void abort() {
        aborted = true;
        Request request = inFlight;
        if (request != null) {
            request.abort(new StoppedByTest());
        }
        CompletableFuture<?> waiting = waitingOn;
        if (waiting != null) {
            waiting.completeExceptionally(new StoppedByTest());
        }
    }

    @Override
    public void close() {
        closeConnection();
        lease.close();
    }

    private Connection connect() throws ConnectFailed {
        CompletableFuture<Connection> opened = new CompletableFuture<>();
        waitingOn = opened;
        try {
            if (aborted) {
                throw new ConnectFailed(new HttpFailure(HttpFailure.Kind.INTERRUPTED,
                        "the request was interrupted: the test is stopping", false));
            }
            UserDnsResolver.with(resolver, () -> client.newConnection(destination, Promise.from(opened)));
            int timeout = settings.connectTimeoutMillis();
            return timeout == 0 ? opened.get() : opened.get(timeout, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeWhenOpened(opened);
            throw new ConnectFailed(new HttpFailure(HttpFailure.Kind.INTERRUPTED,
                    "the request was interrupted: the test is stopping", false));
        } catch (TimeoutException e) {
            closeWhenOpened(opened);
            throw new ConnectFailed(FailureKinds.connectFailure(e, endpoint, settings.connectTimeoutMillis()));
        } catch (ExecutionException e) {
            closeWhenOpened(opened);
            throw new ConnectFailed(aborted
                    ? new HttpFailure(HttpFailure.Kind.INTERRUPTED,
                            "the request was interrupted: the test is stopping", false)
                    : FailureKinds.connectFailure(e.getCause(), endpoint, settings.connectTimeoutMillis()));
        } finally {
            waitingOn = null;
        }
    }

    private static void closeWhenOpened(CompletableFuture<Connection> opened) {
        // a connection that arrives after we gave up on it must not stay open
        opened.thenAccept(Connection::close);
    }

    private Result await(CompletableFuture<Result> done) throws InterruptedException {
        waitingOn = done;
        try {
            return done.get();
        } catch (ExecutionException e) {
            // abort() completed the wait early: report it like Jetty would have
            return new Result(inFlight, e.getCause(), null);
        } finally {
            waitingOn = null;
        }
    }

    private Request toJetty(HttpRequest request, URI uri) {
        Request jetty = client.newRequest(uri).method(request.method()).version(version);
        String cookieHeader = cookies.cookieHeader(uri);
        jetty.headers(headers -> {
            for (HttpHeader header : request.headers()) {
                headers.add(header.name(), header.value());
            }
            if (cookieHeader != null) {
                headers.add("Cookie", cookieHeader);
            }
            if (!settings.keepAlive() && version == HttpVersion.HTTP_1_1) {
                headers.put("Connection", "close");
            }
        });
        if (request.body() != null) {
            // not BytesRequestContent: it wraps its one array through a stream, a cost on every POST
            jetty.body(new ByteBufferRequestContent(ByteBuffer.wrap(request.body())));
        }
        if (settings.responseTimeoutMillis() > 0) {
            jetty.timeout(settings.responseTimeoutMillis(), TimeUnit.MILLISECONDS);
        }
        return jetty;
    }

    private void storeCookies(URI uri, HttpFields headers) {
        List<String> set = headers.getValuesList("Set-Cookie");
        if (!set.isEmpty()) {
            cookies.store(uri, set);
        }
    }

    private void closeConnection() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            open.close();
        }
    }

    private HttpExchange failed(HttpFailure failure, String head, long start, long connectNanos, long bytesSent,
                                long bodyBytes, long firstByteAt) {
        long end = nanoClock.getAsLong();
        return new HttpExchange(null, failure, head, connectNanos, firstByteAt < 0 ? -1 : firstByteAt - start,
                end - start, bytesSent, 0, bodyBytes);
    }

    /** The request line and headers as sent, Host included (Jetty writes it from the URI), one per line. */
    private String headOf(Request jetty, URI uri) {
        StringBuilder head = new StringBuilder(256);
        head.append(jetty.getMethod()).append(' ').append(target(uri)).append(' ').append(jetty.getVersion())
                .append('\n');
        head.append("Host: ").append(endpoint.authority()).append('\n');
        for (HttpField field : jetty.getHeaders()) {
            head.append(field.getName()).append(": ").append(field.getValue()).append('\n');
        }
        return head.toString();
    }

    private String fallbackHead(HttpRequest request, URI uri) {
        StringBuilder head = new StringBuilder(256);
        head.append(request.method()).append(' ').append(target(uri)).append(' ').append(version).append('\n');
        head.append("Host: ").append(endpoint.authority()).append('\n');
        for (HttpHeader header : request.headers()) {
            head.append(header.name()).append(": ").append(header.value()).append('\n');
        }
        return head.toString();
    }

    private static String target(URI uri) {
        String query = uri.getRawQuery();
        return query == null ? uri.getRawPath() : uri.getRawPath() + "?" + query;
    }

    /** The status line and headers of the answer in HTTP/1.1 form, the way JMeter shows response headers. */
    private static String responseHeadOf(Response answer) {
        StringBuilder head = new StringBuilder(256);
        head.append(answer.getVersion()).append(' ').append(answer.getStatus());
        if (answer.getReason() != null && !answer.getReason().isEmpty()) {
            head.append(' ').append(answer.getReason());
        }
        head.append("\r\n");
        for (HttpField field : answer.getHeaders()) {
            head.append(field.getName()).append(": ").append(field.getValue()).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static long bodyLength(HttpRequest request) {
        return request.body() == null ? 0 : request.body().length;
    }

    /** Why a request ended early when the test is being stopped. */
    private static final class StoppedByTest extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        StoppedByTest() {
            super("the test is stopping");
        }
    }

    /** A connection that could not be opened, with the failure to report. */
    private static final class ConnectFailed extends Exception {
        private static final long serialVersionUID = 1L;
        final transient HttpFailure failure;

        ConnectFailed(HttpFailure failure) {
            super(failure.message(), null, false, false);
            this.failure = failure;
        }
    }
}
