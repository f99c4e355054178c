package dev.orderflow.jmeter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.orderflow.jmeter.testing.ScriptedServer;

/**
 * The client on virtual threads (Java 21 and newer, where the orderflow thread group uses them):
 * blocking socket reads park the virtual thread, timeouts still fire. Skipped on older Java.
 */
@Timeout(60)
class HttpUserAgentOnVirtualThreadsTest {

    private static ExecutorService virtualThreads() throws Exception {
        ExecutorService executor;
        try {
            executor = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (NoSuchMethodException e) {
            executor = null;
        }
        assumeTrue(executor != null, "virtual threads need Java 21 or newer");
        return executor;
    }

    @Test
    void manyVirtualUsersEachKeepTheirOwnConnection() throws Exception {
        ConnectionSettings settings = new ConnectionSettings(5000, 5000, true, null, false, 1 << 20);
        try (ScriptedServer server = new ScriptedServer(c -> {
            while (c.readRequest() != null) {
                c.answer(200, "{\"ok\":true}");
            }
        })) {
            ExecutorService executor = virtualThreads();
            List<Future<Integer>> users = new ArrayList<>();
            for (int u = 0; u < 100; u++) {
                users.add(executor.submit(() -> {
                    int answered = 0;
                    try (HttpUserAgent agent = new HttpUserAgent(new Endpoint("http", "127.0.0.1", server.port()),
                            settings)) {
                        for (int i = 0; i < 5; i++) {
                            answered += agent.send(HttpRequest.get("/").build()).answered() ? 1 : 0;
                        }
                    }
                    return answered;
                }));
            }
            int answered = 0;
            for (Future<Integer> user : users) {
                answered += user.get(30, TimeUnit.SECONDS);
            }
            executor.shutdown();

            assertThat(answered).isEqualTo(500);
            assertThat(server.connections()).isEqualTo(100);
        }
    }

    @Test
    void theResponseTimeoutFiresOnAVirtualThread() throws Exception {
        ConnectionSettings settings = new ConnectionSettings(5000, 200, true, null, false, 1 << 20);
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.stall();
        })) {
            ExecutorService executor = virtualThreads();
            Future<HttpExchange> exchange = executor.submit(() -> {
                try (HttpUserAgent agent = new HttpUserAgent(new Endpoint("http", "127.0.0.1", server.port()),
                        settings)) {
                    return agent.send(HttpRequest.get("/").build());
                }
            });

            assertThat(exchange.get(10, TimeUnit.SECONDS).failure().message())
                    .isEqualTo("no answer within 200 ms (response timeout)");
            executor.shutdown();
        }
    }
}
