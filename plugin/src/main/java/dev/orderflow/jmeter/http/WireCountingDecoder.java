package dev.orderflow.jmeter.http;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.eclipse.jetty.client.ContentDecoder;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.io.RetainableByteBuffer;

/**
 * A content decoder (Jetty's gzip, or {@link DeflateDecoder}) that also counts the encoded bytes it is given, into
 * the request's {@link #WIRE_BYTES} attribute: on HTTP/2 there is no connection byte count per exchange, and a
 * sample's received bytes are what came over the wire, not what the body grew to once decoded.
 */
final class WireCountingDecoder implements ContentDecoder {

    /** Request attribute: an {@link AtomicLong} the encoded body bytes are added to. */
    static final String WIRE_BYTES = "orderflow.wireBodyBytes";

    private final ContentDecoder decoder;
    private AtomicLong counter;

    private WireCountingDecoder(ContentDecoder decoder) {
        this.decoder = decoder;
    }

    /** The factory Jetty asks for a decoder when an answer says Content-Encoding: (this encoding). */
    static final class Factory extends ContentDecoder.Factory {
        private final Supplier<ContentDecoder> decoders;

        Factory(String encoding, Supplier<ContentDecoder> decoders) {
            super(encoding);
            this.decoders = decoders;
        }

        @Override
        public ContentDecoder newContentDecoder() {
            return new WireCountingDecoder(decoders.get());
        }
    }

    @Override
    public void beforeDecoding(Response response) {
        if (response.getRequest().getAttributes().get(WIRE_BYTES) instanceof AtomicLong wire) {
            counter = wire;
        }
        decoder.beforeDecoding(response);
    }

    @Override
    public RetainableByteBuffer decode(ByteBuffer buffer) {
        // Jetty hands the same buffer back until it is used up: count what each call consumed
        int before = buffer.remaining();
        RetainableByteBuffer decoded = decoder.decode(buffer);
        if (counter != null) {
            counter.addAndGet(before - buffer.remaining());
        }
        return decoded;
    }

    @Override
    public void afterDecoding(Response response) {
        decoder.afterDecoding(response);
    }
}
