package dev.orderflow.shop.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends bytes no well-behaved HTTP client would send, on a plain socket, and reads the answer to the end. */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code request} (which should say {@code Connection: close}) and returns the whole response. */
    public static String exchange(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    public static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
}
