package dev.orderflow.jmeter.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's PostgreSQL on this machine, for tests that run the reference shop on a real database: installed
 * with apt-get when it is missing, its first cluster started with pg_ctlcluster, and a fresh database and
 * role with a random password made for the test and dropped after it. A test using it is skipped, saying
 * why, only when PostgreSQL is missing and apt-get cannot install it (no apt-get, not root).
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(1);

    private final int port;
    private final String name;
    private final String password;
    private final boolean startedHere;
    private final String cluster;

    private LocalPostgres(int port, String name, String password, boolean startedHere, String cluster) {
        this.port = port;
        this.name = name;
        this.password = password;
        this.startedHere = startedHere;
        this.cluster = cluster;
    }

    /** PostgreSQL running with a new database and role for the caller, or the calling test skipped. */
    public static LocalPostgres start() throws IOException, InterruptedException {
        if (!onPath("pg_lsclusters")) {
            install();
        }
        // "15  main    5432 down   postgres /var/lib/postgresql/15/main /var/log/…"
        String[] first = run(COMMAND_TIMEOUT, "pg_lsclusters", "--no-header").lines().findFirst()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is installed but has no cluster"))
                .trim().split("\\s+");
        String version = first[0];
        String clusterName = first[1];
        int port = Integer.parseInt(first[2]);
        boolean down = !first[3].startsWith("online");
        if (down) {
            run(COMMAND_TIMEOUT, "pg_ctlcluster", version, clusterName, "start");
        }
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String suffix = HexFormat.of().formatHex(random, 0, 4);
        String name = "orderflow_test_" + suffix;
        String password = HexFormat.of().formatHex(random);
        psql(port, "CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
        psql(port, "CREATE DATABASE " + name + " OWNER " + name);
        return new LocalPostgres(port, name, password, down, version + " " + clusterName);
    }

    /** The shop's --jdbc-url: over TCP to 127.0.0.1 with the test's role, as a shop on another host would. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=" + name + "&password=" + password;
    }

    /** The JDBC URL without its password, for messages. */
    public String describe() {
        return "PostgreSQL " + cluster + " on 127.0.0.1:" + port + ", database " + name;
    }

    /** Runs a query as the database's owner and returns psql's unaligned output. */
    public String query(String sql) throws IOException, InterruptedException {
        return run(COMMAND_TIMEOUT, "runuser", "-u", "postgres", "--", "psql", "-p", Integer.toString(port),
                "-d", name, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql).strip();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        psql(port, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        psql(port, "DROP ROLE IF EXISTS " + name);
        if (startedHere) {
            String[] parts = cluster.split(" ");
            run(COMMAND_TIMEOUT, "pg_ctlcluster", parts[0], parts[1], "stop");
        }
    }

    private static void install() throws IOException, InterruptedException {
        boolean root = "0".equals(run(COMMAND_TIMEOUT, "id", "-u").strip());
        Assumptions.assumeTrue(onPath("apt-get") && root, "PostgreSQL is not installed and apt-get cannot "
                + "install it here (" + (onPath("apt-get") ? "not root" : "no apt-get") + "): "
                + "apt-get install postgresql, then run the test again");
        run(INSTALL_TIMEOUT, "apt-get", "update");
        run(INSTALL_TIMEOUT, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "postgresql");
    }

    private static void psql(int port, String sql) throws IOException, InterruptedException {
        run(COMMAND_TIMEOUT, "runuser", "-u", "postgres", "--", "psql", "-p", Integer.toString(port),
                "-v", "ON_ERROR_STOP=1", "-q", "-c", sql);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin:/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The command for a message: the role's password never in it. */
    private static String shown(String... command) {
        return String.join(" ", command).replaceAll("PASSWORD '[^']*'", "PASSWORD '…'");
    }

    /** Runs a command; a non-zero exit or a run past the timeout throws with its output. */
    private static String run(Duration timeout, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("orderflow-pg", ".out");
        try {
            // run from / : the postgres user may not enter the build's folder (a private clone), and psql says so
            Process process = new ProcessBuilder(command).directory(new File("/"))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(shown(command) + " did not end within " + timeout);
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(shown(command) + " failed (exit " + process.exitValue() + "): "
                        + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
