package dev.orderflow.jmeter.http;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.eclipse.jetty.client.ContentDecoder;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.io.RetainableByteBuffer;

/**
 * Decodes {@code Content-Encoding: deflate} with the JDK's {@link Inflater}: Jetty 12.0 decodes gzip only.
 *
 * <p>HTTP's deflate is the zlib format (RFC 1950: a two-byte header, the deflate data, a checksum), but some servers
 * send the bare deflate data (RFC 1951), and browsers accept both; so does this decoder, from the first two bytes:
 * a zlib header is a compression method of 8 and a multiple of 31 in its two bytes, which bare deflate data
 * hardly ever starts with.
 */
final class DeflateDecoder implements ContentDecoder {

    private static final int CHUNK = 8192;

    private Inflater inflater;
    /** The answer's first byte, while it came alone and is not given to the inflater yet; -1 when none is waiting. */
    private int firstByte = -1;

    @Override
    public RetainableByteBuffer decode(ByteBuffer encoded) {
        if (inflater == null && !chooseFormat(encoded)) {
            return RetainableByteBuffer.EMPTY;
        }
        if (inflater.finished()) {
            // anything after the end of the deflate data is dropped, as the JDK's own streams do
            encoded.position(encoded.limit());
            return RetainableByteBuffer.EMPTY;
        }
        ByteBuffer decoded = ByteBuffer.allocate(CHUNK);
        if (firstByte >= 0) {
            inflate(ByteBuffer.wrap(new byte[] {(byte) firstByte}), decoded);
            firstByte = -1;
        }
        inflate(encoded, decoded);
        return RetainableByteBuffer.wrap(decoded.flip());
    }

    private void inflate(ByteBuffer encoded, ByteBuffer decoded) {
        // the inflater moves the buffer's position past what it used
        inflater.setInput(encoded);
        try {
            inflater.inflate(decoded);
        } catch (DataFormatException e) {
            throw new IllegalStateException("the answer's deflate body is corrupt: " + e.getMessage(), e);
        }
        if (inflater.needsDictionary()) {
            throw new IllegalStateException(
                    "the answer's deflate body needs a preset dictionary, which HTTP has none of");
        }
    }

    /** Picks zlib or bare deflate once two bytes have come; false while only one has. */
    private boolean chooseFormat(ByteBuffer encoded) {
        if (!encoded.hasRemaining()) {
            return false;
        }
        int first;
        int second;
        if (firstByte >= 0) {
            first = firstByte;
            second = encoded.get(encoded.position()) & 0xFF;
        } else if (encoded.remaining() == 1) {
            firstByte = encoded.get() & 0xFF;
            return false;
        } else {
            first = encoded.get(encoded.position()) & 0xFF;
            second = encoded.get(encoded.position() + 1) & 0xFF;
        }
        boolean zlib = (first & 0x0F) == 8 && (first >> 4) <= 7 && ((first << 8) | second) % 31 == 0;
        inflater = new Inflater(!zlib);
        return true;
    }

    @Override
    public void afterDecoding(Response response) {
        if (inflater != null) {
            inflater.end();
        }
    }
}
