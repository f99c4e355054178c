package dev.orderflow.jmeter.sampler;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.jmeter.samplers.SampleResult;

import dev.orderflow.jmeter.config.ShopSettings;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.http.HttpExchange;
import dev.orderflow.jmeter.http.HttpFailure;
import dev.orderflow.jmeter.http.HttpResponse;

/**
 * Writes what one or more exchanges brought into a sample the way every JMeter listener reads it:
 * times, bytes, code, message, request and answer, and each exchange as a sub-result ({@link ExchangeSample}).
 * Both show only what {@link ShownExchange} lets through: the request data a sampler passes holds no password, and
 * the auth header's token, cookie values and, when asked, the token in the answer are masked.
 */
final class SampleRecorder {

    /** Prefix of the response code of a sample that got no HTTP answer, as JMeter's HTTP sampler writes it. */
    static final String NON_HTTP_CODE = "Non HTTP response code: ";

    private final OrderFlowSampleResult result;
    private final ShopSettings settings;
    private final StringBuilder requestData = new StringBuilder(256);
    private final StringBuilder requestHeaders = new StringBuilder(256);
    private long connectNanos;
    private long latencyNanos = -1;
    private long sentBytes;
    private long headerBytes;
    private long bodyBytes;
    private int exchanges;
    private boolean maskToken;

    SampleRecorder(OrderFlowSampleResult result, ShopSettings settings) {
        this.result = result;
        this.settings = settings;
    }

    /**
     * Adds one exchange to the sample and makes its answer (or failure) the sample's.
     *
     * @param maskedBody the request body as it may be shown: no password in it
     */
    void add(HttpExchange exchange, String method, URL url, String maskedBody, long sinceSampleStartNanos) {
        exchanges++;
        connectNanos += exchange.connectNanos();
        if (latencyNanos < 0 && exchange.firstByteNanos() >= 0) {
            latencyNanos = sinceSampleStartNanos + exchange.firstByteNanos();
        }
        sentBytes += exchange.bytesSent();
        headerBytes += exchange.headerBytes();
        bodyBytes += exchange.bodyBytes();

        String requestLine = method + " " + url;
        ShownExchange shown = ShownExchange.of(exchange, requestLine, maskedBody, settings, maskToken);
        if (requestData.length() > 0) {
            requestData.append("\n\n");
            requestHeaders.append("\n\n");
        }
        requestData.append(shown.samplerData());
        requestHeaders.append(shown.requestHead());
        result.setURL(url);
        // every request of the step is a sub-result too, as JMeter's HTTP Request shows its redirects
        result.addRawSubResult(ExchangeSample.of(result.getSampleLabel() + "-" + (exchanges - 1), exchange, url, shown,
                result.getStartTime(), sinceSampleStartNanos, settings.keptResponseBytes()));

        HttpResponse response = exchange.response();
        if (response != null) {
            result.setResponseCode(Integer.toString(response.status()));
            result.setResponseHeaders(shown.answerHead());
            int kept = keepBody(response, shown.answerBody());
            result.setResponseMessage(response.reason() + ExchangeSample.cutNote(response, kept, exchange.bodyBytes()));
        } else {
            HttpFailure failure = exchange.failure();
            result.setResponseCode(NON_HTTP_CODE + failure.kind().code());
            result.setResponseMessage(failure.message());
            result.setResponseHeaders("");
            result.setResponseData(new byte[0]);
        }
        maskToken = false;
    }

    /** Writes the totals into the sample; call once, after the sample has ended. */
    void finish() {
        long elapsed = result.getTime();
        long latency = latencyNanos < 0 ? 0 : Math.min(elapsed, Math.round(latencyNanos / 1e6));
        long connect = Math.round(connectNanos / 1e6);
        result.setLatency(latency);
        result.setConnectTime(latency > 0 ? Math.min(connect, latency) : Math.min(connect, elapsed));
        result.setSentBytes(sentBytes);
        result.setHeadersSize((int) Math.min(Integer.MAX_VALUE, headerBytes));
        result.setBodySize(bodyBytes);
        result.setBytes(headerBytes + bodyBytes);
        result.setSamplerData(requestData.toString());
        result.setRequestHeaders(requestHeaders.toString());
    }

    int exchanges() {
        return exchanges;
    }

    /** Marks the sample failed with a message of the sampler's own (the answer came, but it is not usable). */
    void fail(String message) {
        result.setSuccessful(false);
        result.setResponseMessage(message);
    }

    /** Masks the token in the next answer this sample records: a login answer carries one. */
    void maskTokenInNextAnswer() {
        maskToken = true;
    }

    /** Keeps the answer's body in the sample, up to the shop connection's limit; returns how much was kept. */
    private int keepBody(HttpResponse response, byte[] body) {
        int kept = Math.min(body.length, settings.keptResponseBytes());
        result.setResponseData(kept == body.length ? body : Arrays.copyOf(body, kept));
        result.setDataType(SampleResult.TEXT);
        String contentType = response.contentType();
        if (contentType != null) {
            result.setContentType(contentType);
            result.setEncodingAndType(contentType);
        }
        if (result.getDataEncodingNoDefault() == null) {
            result.setDataEncoding(StandardCharsets.UTF_8.name());
        }
        return kept;
    }
}
