package dev.orderflow.testplans.run;

import dev.orderflow.testplans.run.RunDescription.PlannedRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One plan's JMeter, non-GUI, started from the JMeter home jmeter:configure built, as a person starts it:
 * {@code java -jar bin/ApacheJMeter-5.6.3.jar -n -t plan.jmx -l results.csv -e -o dashboard -q run.properties}
 * (plus {@code -r -G engine.properties} for a distributed plan). Its output goes to the build's console.
 */
final class JMeterProcess {

    /**
     * A controller's RMI calls to an engine (the test sent, started, stopped) each return within a second; one that
     * has not answered within this long never will (the engine hangs), and JMeter would wait for it forever.
     */
    static final int RMI_RESPONSE_TIMEOUT_MS = 20_000;
    /** The JRMP handshake of a new connection to an engine, bounded the same way. */
    static final int RMI_HANDSHAKE_TIMEOUT_MS = 10_000;

    private final Process process;

    private JMeterProcess(Process process) {
        this.process = process;
    }

    /** Where one plan's JMeter leaves its files: the layout the reports are filed from. */
    record Output(Path dir) {
        Path results(String plan) {
            return dir.resolve("results").resolve(plan + ".csv");
        }

        Path dashboard(String plan) {
            return dir.resolve("reports").resolve(plan);
        }

        Path log(String plan) {
            return dir.resolve("logs").resolve(plan + ".jmx.log");
        }
    }

    static JMeterProcess start(Path java, List<String> jvmOptions, JMeterHome home, Path plansDir, PlannedRun plan,
                               RunLayout layout, Output output) throws IOException {
        Files.createDirectories(output.results(plan.name()).getParent());
        Files.createDirectories(output.log(plan.name()).getParent());
        Files.createDirectories(output.dashboard(plan.name()).getParent());
        Process process = new ProcessBuilder(command(java, jvmOptions, home, plansDir, plan, layout, output))
                .directory(home.bin().toFile())
                .inheritIO()
                .start();
        return new JMeterProcess(process);
    }

    /**
     * The command line; no secret on it (every user of the machine can list it): the admin key stays in its
     * owner-only file, which run.properties names.
     */
    static List<String> command(Path java, List<String> jvmOptions, JMeterHome home, Path plansDir, PlannedRun plan,
                                RunLayout layout, Output output) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xms256m", "-Xmx1536m",
                "-Djava.awt.headless=true",
                "-Dsun.rmi.transport.tcp.responseTimeout=" + RMI_RESPONSE_TIMEOUT_MS,
                "-Dsun.rmi.transport.tcp.handshakeTimeout=" + RMI_HANDSHAKE_TIMEOUT_MS));
        // the controller's own -D (its RMI callback address, RunSetup.controllerJvmOptions): on its command line,
        // never in the JMeter home's bin/system.properties, which engines started from a copy of the home load
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", home.launcher().toString(),
                "-n",
                "-t", plansDir.resolve(plan.name() + ".jmx").toString(),
                "-l", output.results(plan.name()).toString(),
                "-j", output.log(plan.name()).toString(),
                "-e", "-o", output.dashboard(plan.name()).toString(),
                "-q", layout.controllerProperties().toString(),
                "-Jjmeter.save.saveservice.output_format=csv"));
        if (plan.distributed()) {
            command.addAll(List.of("-R", String.join(",", plan.engines()),
                    "-G", layout.engineProperties().toString()));
        }
        return command;
    }

    long pid() {
        return process.pid();
    }

    /** Waits up to {@code seconds} for JMeter to end. */
    boolean endedWithin(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /**
     * Asks JMeter to end as Ctrl-C does (SIGTERM: its shutdown hooks close the results file and write the order
     * summary of what was collected), without waiting.
     */
    void requestStop() {
        process.destroy();
    }

    /** Waits for JMeter asked to end; ends it forcibly when it takes longer than the grace period. */
    int awaitStopped() throws InterruptedException {
        Processes.awaitExit(process.toHandle(), "JMeter (pid " + process.pid() + ")");
        return process.exitValue();
    }
}
