package dev.orderflow.jmeter.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Collects an answer's body up to a limit; what is beyond the limit is dropped and flagged. */
final class BodyBuffer {

    private static final byte[] EMPTY = new byte[0];

    private final int limit;
    private byte[] bytes;
    private int length;
    private boolean truncated;

    /** @param expectedLength the declared length, or -1 when the answer declared none */
    BodyBuffer(int limit, long expectedLength) {
        this.limit = limit;
        int initial = (int) Math.min(limit, expectedLength >= 0 ? expectedLength : 1024);
        this.bytes = initial == 0 ? EMPTY : new byte[initial];
    }

    /** Takes the content's bytes up to the limit (a direct buffer too: copied once, straight into the body). */
    void append(ByteBuffer content) {
        int count = content.remaining();
        int keep = Math.min(count, limit - length);
        if (keep < count) {
            truncated = true;
        }
        if (keep <= 0) {
            return;
        }
        if (length + keep > bytes.length) {
            int grown = (int) Math.min(limit, Math.max((long) bytes.length * 2, (long) length + keep));
            bytes = Arrays.copyOf(bytes, grown);
        }
        content.get(content.position(), bytes, length, keep);
        length += keep;
    }

    byte[] toBytes() {
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }

    boolean truncated() {
        return truncated;
    }
}
