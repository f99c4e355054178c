package dev.orderflow.shop.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One plain socket to a shop, kept open across requests, for tests of what the shop does with a
 * connection: send a request and read its answer, send a few bytes at a time, wait to be closed.
 */
public final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawConnection(int port) {
        this(port, null);
    }

    /** From the given local address (another loopback address, say), or any when null. */
    public RawConnection(int port, InetAddress from) {
        try {
            socket = new Socket(InetAddress.getByName("127.0.0.1"), port, from, 0);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A keep-alive GET of {@code path}. */
    public static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    /** Writes the bytes at once; throws when the shop has closed the connection under us. */
    public void send(String bytes) throws IOException {
        out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends a request and reads one answer (framed by Content-Length); returns its status. */
    public int exchange(String request, int timeoutMillis) throws IOException {
        send(request);
        socket.setSoTimeout(timeoutMillis);
        String head = readHead();
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        if (in.readNBytes(length).length != length) {
            throw new IOException("the answer's body ended early: " + head);
        }
        return Integer.parseInt(head.substring(9, 12));
    }

    /**
     * Waits up to {@code timeoutMillis} for the shop to close the connection, discarding anything it
     * sends; true when it closed (end of stream or reset), false when it was still open at the end.
     */
    public boolean awaitClosed(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            while (in.read() >= 0) {
                // an answer the test does not look at
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            // a reset is a close too
            return true;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the shop closed the connection before a complete answer head: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
