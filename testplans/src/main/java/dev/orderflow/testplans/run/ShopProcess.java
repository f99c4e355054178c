package dev.orderflow.testplans.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference shop, started from its runnable jar on a free port with a fresh admin key, as a user
 * would start it by hand ({@code java -jar shop/target/orderflow-shop.jar --port 0 --admin-key-file … …}).
 */
final class ShopProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (https?)://([^:/\\s]+):(\\d+)");

    private final Process process;
    private final String host;
    private final int port;

    private ShopProcess(Process process, String host, int port) {
        this.process = process;
        this.host = host;
        this.port = port;
    }

    /** @param maxConnectionsPerAddress the shop's cap per client address: every user of a plan comes from this one */
    static ShopProcess start(Path java, Path shopJar, Path csvData, Path adminKeyFile, int maxConnectionsPerAddress,
                             Path log, Duration timeout) throws IOException, InterruptedException {
        return start(java, shopJar, csvData, adminKeyFile, maxConnectionsPerAddress, "127.0.0.1", log, timeout);
    }

    /** @param bind the address the shop listens on (--bind): 127.0.0.1, or this machine's on the engines' network */
    static ShopProcess start(Path java, Path shopJar, Path csvData, Path adminKeyFile, int maxConnectionsPerAddress,
                             String bind, Path log, Duration timeout) throws IOException, InterruptedException {
        if (!Files.isRegularFile(shopJar)) {
            throw new IllegalStateException("the reference shop's jar " + shopJar
                    + " is missing: build the shop first (./mvnw -B verify builds every module)");
        }
        Process process = new ProcessBuilder(command(java, shopJar, csvData, adminKeyFile,
                        maxConnectionsPerAddress, bind))
                .redirectErrorStream(true).start();
        try {
            Matcher listening = ProcessOutput.follow(process, "shop", log, LISTENING)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new ShopProcess(process, listening.group(2), Integer.parseInt(listening.group(3)));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the reference shop did not start: " + e.getMessage()
                    + " (its output is in " + log + ")", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The shop's command line: the admin key in a file, as every user of the machine can list command lines. */
    static List<String> command(Path java, Path shopJar, Path csvData, Path adminKeyFile,
                                int maxConnectionsPerAddress, String bind) {
        // 10 000 open connections (test 7 at full scale) need well over 1 GB of the shop's heap.
        return List.of(java.toString(), "-Xmx3g",
                "-jar", shopJar.toString(),
                "--port", "0",
                "--bind", bind,
                "--data", csvData.toString(),
                "--admin-key-file", adminKeyFile.toString(),
                "--max-connections-per-address", Integer.toString(maxConnectionsPerAddress));
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        Processes.stop(process.toHandle(), "the reference shop");
    }
}
