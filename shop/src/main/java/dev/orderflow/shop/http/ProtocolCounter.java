package dev.orderflow.shop.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the requests the shop served per HTTP version ("HTTP/1.1", "HTTP/2.0"), so a client's protocol can be
 * checked on the shop's side, and logs the first request of each version.
 */
public final class ProtocolCounter extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolCounter.class);

    private final Map<String, LongAdder> byProtocol = new ConcurrentHashMap<>();

    public ProtocolCounter(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String protocol = request.getConnectionMetaData().getProtocol();
        byProtocol.computeIfAbsent(protocol, first -> {
            LOG.info("first request over {}", first);
            return new LongAdder();
        }).increment();
        return super.handle(request, response, callback);
    }

    /** Requests served so far, by HTTP version. */
    public Map<String, Long> requestsByProtocol() {
        Map<String, Long> counts = new TreeMap<>();
        byProtocol.forEach((protocol, count) -> counts.put(protocol, count.sum()));
        return counts;
    }
}
