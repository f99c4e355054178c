package dev.orderflow.jmeter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

import org.eclipse.jetty.io.RetainableByteBuffer;
import org.junit.jupiter.api.Test;

/** Content-Encoding: deflate in both forms servers send, however the bytes are cut on the way. */
class DeflateDecoderTest {

    private static final String PAGE = "<html>" + "deflated shop page ".repeat(2000) + "</html>";

    private static byte[] deflate(boolean zlib) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, !zlib);
        deflater.setInput(PAGE.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** Feeds the encoded body in pieces of this size, as Jetty would hand them over, and collects what comes out. */
    private static String decode(byte[] encoded, int piece) {
        DeflateDecoder decoder = new DeflateDecoder();
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        for (int at = 0; at < encoded.length; at += piece) {
            ByteBuffer buffer = ByteBuffer.wrap(encoded, at, Math.min(piece, encoded.length - at));
            // Jetty hands the same buffer back until it is used up
            do {
                RetainableByteBuffer out = decoder.decode(buffer);
                ByteBuffer bytes = out.getByteBuffer();
                decoded.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            } while (buffer.hasRemaining());
        }
        decoder.afterDecoding(null);
        return decoded.toString(StandardCharsets.UTF_8);
    }

    @Test
    void decodesZlibWrappedDeflateAsRfcSaysHttpSendsIt() {
        assertThat(decode(deflate(true), 4096)).isEqualTo(PAGE);
    }

    @Test
    void decodesBareDeflateAsSomeServersSendIt() {
        assertThat(decode(deflate(false), 4096)).isEqualTo(PAGE);
    }

    @Test
    void decodesABodyThatComesOneByteAtATime() {
        assertThat(decode(deflate(true), 1)).isEqualTo(PAGE);
        assertThat(decode(deflate(false), 1)).isEqualTo(PAGE);
    }

    @Test
    void refusesABodyThatIsNotDeflate() {
        byte[] zlibHeaderThenGarbage = {0x78, (byte) 0x9C, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> decode(zlibHeaderThenGarbage, 64)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the answer's deflate body is corrupt");
    }
}
