package dev.orderflow.jmeter.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Reads HTTP/1.x answers from one connection: status line, headers, and a body framed by
 * Content-Length, chunked transfer coding or the end of the connection. Every byte is counted.
 * Reads block without a timeout: the {@link ResponseWatchdog} ends an exchange that is late by
 * closing its socket.
 *
 * <p>Not thread-safe: it belongs to one virtual user's connection.
 */
final class ResponseReader {

    /** Longest status line plus headers accepted; beyond it the answer is refused as malformed. */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    private final LongSupplier clock;
    private byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private InputStream input;

    // per answer
    private long wireBytes;
    private long headBytes;
    private long firstByteAt;
    private boolean headComplete;
    private boolean reusable;

    ResponseReader(LongSupplier clock) {
        this.clock = clock;
    }

    /** Reads from a new connection; whatever was buffered from the previous one is dropped. */
    void attach(InputStream input) {
        this.input = input;
        position = 0;
        limit = 0;
    }

    /** True when bytes came that no answer has consumed: a connection in that state cannot be reused. */
    boolean hasUnreadBytes() {
        return position < limit;
    }

    /**
     * Reads one answer.
     *
     * @param headRequest   the request was HEAD: the answer has no body whatever its headers say
     * @param maxBodyBytes  how much of the body to keep
     */
    HttpResponse read(boolean headRequest, int maxBodyBytes) throws IOException {
        wireBytes = 0;
        headBytes = 0;
        firstByteAt = -1;
        headComplete = false;
        reusable = false;

        StringBuilder head = new StringBuilder(256);
        String statusLine;
        List<HttpHeader> headers;
        int status;
        do {
            head.setLength(0);
            statusLine = readLine(head, "before answering");
            status = parseStatus(statusLine);
            headers = readHeaders(head);
        } while (status >= 100 && status < 200); // interim answers (100 Continue, 103) precede the real one
        headBytes = wireBytes - (limit - position);
        headComplete = true;

        HttpHeaders parsed = new HttpHeaders(headers);
        boolean http11 = statusLine.startsWith("HTTP/1.1");
        boolean keepAlive = http11 ? !parsed.hasToken("Connection", "close") : parsed.hasToken("Connection", "keep-alive");
        String reason = reasonOf(statusLine);

        if (headRequest || status == 204 || status == 304) {
            reusable = keepAlive;
            return new HttpResponse(status, reason, parsed, head.toString(), new byte[0], false);
        }
        BodyBuffer body;
        List<String> transferEncodings = parsed.all("Transfer-Encoding");
        if (!transferEncodings.isEmpty()) {
            String last = transferEncodings.get(transferEncodings.size() - 1);
            if (last.toLowerCase(java.util.Locale.ROOT).trim().endsWith("chunked")) {
                body = new BodyBuffer(maxBodyBytes, -1);
                readChunked(body);
                reusable = keepAlive && parsed.first("Content-Length") == null;
            } else {
                body = new BodyBuffer(maxBodyBytes, -1);
                readUntilClosed(body);
            }
        } else {
            long length = contentLength(parsed);
            if (length >= 0) {
                body = new BodyBuffer(maxBodyBytes, length);
                readExactly(body, length);
                reusable = keepAlive;
            } else {
                body = new BodyBuffer(maxBodyBytes, -1);
                readUntilClosed(body);
            }
        }
        return new HttpResponse(status, reason, parsed, head.toString(), body.toBytes(), body.truncated());
    }

    /** True when the last answer leaves the connection fit for another request. */
    boolean lastAnswerAllowsReuse() {
        return reusable && position == limit;
    }

    /** Bytes read from the connection for the current answer so far. */
    long wireBytes() {
        return wireBytes;
    }

    /** Bytes of the current answer's status line and headers (all bytes so far while the head is incomplete). */
    long headBytes() {
        return headComplete ? headBytes : wireBytes;
    }

    /** Clock value when the first byte of the current answer came, or -1. */
    long firstByteAt() {
        return firstByteAt;
    }

    private static int parseStatus(String line) throws MalformedAnswerException {
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' '
                || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new MalformedAnswerException("not an HTTP/1.x status line: '" + abbreviate(line) + "'");
        }
        int status = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedAnswerException("not an HTTP/1.x status line: '" + abbreviate(line) + "'");
            }
            status = status * 10 + (c - '0');
        }
        return status;
    }

    private static String reasonOf(String statusLine) {
        return statusLine.length() > 13 ? statusLine.substring(13) : "";
    }

    private List<HttpHeader> readHeaders(StringBuilder head) throws IOException {
        List<HttpHeader> headers = new ArrayList<>(12);
        while (true) {
            String line = readLine(head, "in the middle of the headers");
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new MalformedAnswerException("not a header line: '" + abbreviate(line) + "'");
            }
            try {
                headers.add(new HttpHeader(line.substring(0, colon), line.substring(colon + 1).trim()));
            } catch (IllegalArgumentException e) {
                throw new MalformedAnswerException("not a header line: '" + abbreviate(line) + "'");
            }
        }
    }

    private static long contentLength(HttpHeaders headers) throws MalformedAnswerException {
        long length = -1;
        for (String value : headers.all("Content-Length")) {
            long parsed = parseLength(value.trim());
            if (length >= 0 && parsed != length) {
                throw new MalformedAnswerException("conflicting Content-Length headers");
            }
            length = parsed;
        }
        return length;
    }

    private static long parseLength(String value) throws MalformedAnswerException {
        if (value.isEmpty() || value.length() > 18) {
            throw new MalformedAnswerException("bad Content-Length: '" + abbreviate(value) + "'");
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedAnswerException("bad Content-Length: '" + abbreviate(value) + "'");
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    private void readExactly(BodyBuffer body, long length) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            if (position == limit && fill() < 0) {
                throw new ClosedEarlyException("the shop closed the connection in the middle of the answer ("
                        + (length - remaining) + " of " + length + " body bytes came)");
            }
            int count = (int) Math.min(remaining, limit - position);
            body.append(buffer, position, count);
            position += count;
            remaining -= count;
        }
    }

    private void readChunked(BodyBuffer body) throws IOException {
        while (true) {
            String sizeLine = readLine(null, "in the middle of a chunked answer");
            long size = chunkSize(sizeLine);
            if (size == 0) {
                // trailer fields until the blank line
                while (!readLine(null, "in the middle of a chunked answer").isEmpty()) {
                    // trailers carry nothing the samplers use
                }
                return;
            }
            readExactly(body, size);
            if (!readLine(null, "in the middle of a chunked answer").isEmpty()) {
                throw new MalformedAnswerException("chunk data longer than its size line says");
            }
        }
    }

    private static long chunkSize(String line) throws MalformedAnswerException {
        int end = line.indexOf(';');
        String hex = (end >= 0 ? line.substring(0, end) : line).trim();
        if (hex.isEmpty() || hex.length() > 15) {
            throw new MalformedAnswerException("bad chunk size line: '" + abbreviate(line) + "'");
        }
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new MalformedAnswerException("bad chunk size line: '" + abbreviate(line) + "'");
        }
    }

    private void readUntilClosed(BodyBuffer body) throws IOException {
        while (true) {
            if (position == limit && fill() < 0) {
                return;
            }
            body.append(buffer, position, limit - position);
            position = limit;
        }
    }

    /**
     * Reads a line ending in LF (a CR before it is dropped) as ISO-8859-1 text and appends it to the
     * head when one is given.
     */
    private String readLine(StringBuilder head, String where) throws IOException {
        int scanned = position;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                    position = i + 1;
                    if (head != null) {
                        head.append(line).append('\n');
                    }
                    return line;
                }
            }
            scanned = limit;
            if (limit - position >= MAX_HEAD_BYTES) {
                throw new MalformedAnswerException("a header line longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (wireBytes - (limit - position) > MAX_HEAD_BYTES && head != null) {
                throw new MalformedAnswerException("headers longer than " + MAX_HEAD_BYTES + " bytes");
            }
            int before = position;
            if (fill() < 0) {
                if (wireBytes == 0) {
                    throw new ClosedEarlyException("the shop closed the connection before answering");
                }
                throw new ClosedEarlyException("the shop closed the connection " + where);
            }
            scanned -= before - position; // fill may have moved the unread bytes to the start
        }
    }

    /** Reads more bytes into the buffer, moving unread bytes to its start first; -1 at end of stream. */
    private int fill() throws IOException {
        if (position == limit) {
            position = 0;
            limit = 0;
        } else if (limit == buffer.length) {
            int unread = limit - position;
            if (position == 0) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
            } else {
                System.arraycopy(buffer, position, buffer, 0, unread);
                position = 0;
                limit = unread;
            }
        }
        int count = input.read(buffer, limit, buffer.length - limit);
        if (count > 0) {
            if (firstByteAt < 0) {
                firstByteAt = clock.getAsLong();
            }
            limit += count;
            wireBytes += count;
        }
        return count;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
