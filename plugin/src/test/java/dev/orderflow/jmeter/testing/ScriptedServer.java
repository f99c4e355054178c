package dev.orderflow.jmeter.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ServerSocketFactory;

/**
 * A local HTTP server on a real socket that answers by script: well, badly, late, or not at all.
 * Tests use it for what a well-behaved shop never does (resets, stalls, garbage, dropped connections).
 */
public final class ScriptedServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Script {
        void run(Connection connection) throws Exception;
    }

    /** A request as the server read it. */
    public record Received(int connection, String method, String target, String head, String body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private final ServerSocket serverSocket;
    private final Script script;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Throwable> scriptErrors = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch acceptLoopEnded = new CountDownLatch(1);

    public ScriptedServer(Script script) throws IOException {
        this(ServerSocketFactory.getDefault(), script);
    }

    public ScriptedServer(ServerSocketFactory factory, Script script) throws IOException {
        this.serverSocket = factory.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        threads.execute(this::acceptLoop);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /**
     * Stops accepting connections: a client that connects after this returns is refused. Closing the server socket
     * only signals the thread blocked in accept(); the kernel keeps the socket listening until that thread has left
     * the call, so a connection made in between would still be accepted. Hence the wait for the accept loop.
     */
    public void stopListening() throws IOException {
        serverSocket.close();
        try {
            if (!acceptLoopEnded.await(5, TimeUnit.SECONDS)) {
                throw new IOException("the accept loop did not end within 5 s of closing the server socket");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the accept loop to end", e);
        }
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Requests read so far, in the order they came. */
    public List<Received> received() {
        return received;
    }

    /** Errors a script threw other than the client going away; a test may assert there were none. */
    public List<Throwable> scriptErrors() {
        return scriptErrors;
    }

    private void acceptLoop() {
        try {
            while (!serverSocket.isClosed()) {
                Socket socket = serverSocket.accept();
                sockets.add(socket);
                int number = connections.incrementAndGet();
                threads.execute(() -> serve(socket, number));
            }
        } catch (IOException e) {
            // closed
        } finally {
            acceptLoopEnded.countDown();
        }
    }

    private void serve(Socket socket, int number) {
        try (socket) {
            script.run(new Connection(socket, number));
        } catch (SocketException e) {
            // the client closed or reset its end: part of the scenarios under test
        } catch (Exception e) {
            if (!serverSocket.isClosed()) {
                scriptErrors.add(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        serverSocket.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // the sockets are closed already; the test thread keeps its interrupt for whoever waits next
            Thread.currentThread().interrupt();
        }
    }

    /** One accepted connection, seen from the server's side. */
    public final class Connection {
        private final Socket socket;
        private final int number;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket, int number) throws IOException {
            this.socket = socket;
            this.number = number;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        public int number() {
            return number;
        }

        /** Reads one request (head and Content-Length body); null when the client closed the connection. */
        public Received readRequest() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String headText = head.toString(StandardCharsets.ISO_8859_1);
            headText = headText.substring(0, headText.length() - 4);
            String[] requestLine = headText.substring(0,
                    headText.indexOf("\r\n") < 0 ? headText.length() : headText.indexOf("\r\n")).split(" ");
            int length = 0;
            for (String line : headText.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            byte[] body = in.readNBytes(length);
            Received request = new Received(number, requestLine[0], requestLine[1], headText,
                    new String(body, StandardCharsets.UTF_8));
            received.add(request);
            return request;
        }

        public void write(String raw) throws IOException {
            write(raw.getBytes(StandardCharsets.ISO_8859_1));
        }

        public void write(byte[] raw) throws IOException {
            out.write(raw);
            out.flush();
        }

        /** Answers with a complete response whose body is the given text. */
        public void answer(int status, String body, String... extraHeaders) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Status ").append(status)
                    .append("\r\n");
            head.append("Content-Type: application/json\r\n");
            for (String header : extraHeaders) {
                head.append(header).append("\r\n");
            }
            head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
            write(head.toString());
            write(bytes);
        }

        /** Drops the connection with a TCP reset instead of an orderly close. */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        public void close() throws IOException {
            socket.close();
        }

        /** Holds the connection open without a word until the server closes. */
        public void stall() throws InterruptedException {
            closing.await();
        }

        /** Waits until the client closes its end of the connection (read returns end of stream). */
        public boolean awaitClientClose() throws IOException {
            return in.read() < 0;
        }
    }
}
