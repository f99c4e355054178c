package dev.orderflow.jmeter.sampler;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.jmeter.samplers.SampleResult;

import dev.orderflow.jmeter.http.HttpExchange;
import dev.orderflow.jmeter.http.HttpFailure;
import dev.orderflow.jmeter.http.HttpResponse;

/**
 * One HTTP request of a step, as a sub-result of the step's sample the way JMeter's HTTP Request shows a redirect:
 * its own times, bytes, request line and headers, code, answer headers and body, so View Results Tree, extractors
 * and assertions scoped to sub-samples see every request. It shows only what {@link ShownExchange} lets through.
 */
final class ExchangeSample {

    private ExchangeSample() {
    }

    /**
     * @param label            the sub-result's label (JMeter's convention: the step's label, "-", the index)
     * @param shown            what the sample may show of the exchange
     * @param stepStartMs      when the step's sample started, epoch milliseconds
     * @param sinceStepStartNs when this request started, counted from the step's start
     * @param keptBytes        most bytes of the answer's body to keep
     */
    static SampleResult of(String label, HttpExchange exchange, URL url, ShownExchange shown, long stepStartMs,
                           long sinceStepStartNs, int keptBytes) {
        SampleResult sample = new SampleResult();
        sample.setSampleLabel(label);
        long elapsedMs = Math.round(exchange.elapsedNanos() / 1e6);
        sample.setStampAndTime(stepStartMs + Math.round(sinceStepStartNs / 1e6), elapsedMs);
        long latency = exchange.firstByteNanos() < 0 ? 0
                : Math.min(elapsedMs, Math.round(exchange.firstByteNanos() / 1e6));
        sample.setLatency(latency);
        sample.setConnectTime(Math.min(Math.round(exchange.connectNanos() / 1e6), elapsedMs));
        sample.setSentBytes(exchange.bytesSent());
        sample.setHeadersSize((int) Math.min(Integer.MAX_VALUE, exchange.headerBytes()));
        sample.setBodySize(exchange.bodyBytes());
        sample.setBytes(exchange.bytesReceived());
        sample.setURL(url);
        sample.setSamplerData(shown.samplerData());
        sample.setRequestHeaders(shown.requestHead());
        HttpResponse response = exchange.response();
        if (response == null) {
            HttpFailure failure = exchange.failure();
            sample.setResponseCode(SampleRecorder.NON_HTTP_CODE + failure.kind().code());
            sample.setResponseMessage(failure.message());
            sample.setSuccessful(false);
            return sample;
        }
        sample.setResponseCode(Integer.toString(response.status()));
        sample.setResponseHeaders(shown.answerHead());
        sample.setSuccessful(response.status() >= 200 && response.status() < 400);
        byte[] body = shown.answerBody();
        int kept = Math.min(body.length, keptBytes);
        sample.setResponseData(kept == body.length ? body : Arrays.copyOf(body, kept));
        sample.setResponseMessage(response.reason() + cutNote(response, kept, exchange.bodyBytes()));
        sample.setDataType(SampleResult.TEXT);
        if (response.contentType() != null) {
            sample.setContentType(response.contentType());
            sample.setEncodingAndType(response.contentType());
        }
        if (sample.getDataEncodingNoDefault() == null) {
            sample.setDataEncoding(StandardCharsets.UTF_8.name());
        }
        return sample;
    }

    /** A note for a body kept only in part: how much was kept of how much came. */
    static String cutNote(HttpResponse response, int kept, long receivedBodyBytes) {
        if (kept == response.body().length && !response.bodyTruncated()) {
            return "";
        }
        return " (body cut: the first " + kept + " bytes kept of " + receivedBodyBytes + " received)";
    }
}
