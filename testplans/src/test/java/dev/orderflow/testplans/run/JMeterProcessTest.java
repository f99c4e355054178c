package dev.orderflow.testplans.run;

import dev.orderflow.testplans.run.RunDescription.PlannedRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line a plan's JMeter gets: where its files go, the run's properties, its engines, bounded RMI. */
class JMeterProcessTest {

    private final Path root = Path.of("/r");
    private final JMeterHome home = new JMeterHome(root.resolve("home"), "ApacheJMeter-5.6.3.jar");
    private final RunLayout layout = RunLayout.of(root.resolve("run"));
    private final JMeterProcess.Output output = new JMeterProcess.Output(root.resolve("out"));

    @Test
    void aLocalPlanWritesItsResultsDashboardAndLogWhereTheReportIsFiledFrom() {
        List<String> command = JMeterProcess.command(Path.of("/jdk/bin/java"), List.of(), home, root.resolve("plans"),
                new PlannedRun("test3", List.of()), layout, output);

        assertThat(String.join(" ", command)).startsWith("/jdk/bin/java ")
                .contains("-jar /r/home/bin/ApacheJMeter-5.6.3.jar -n -t /r/plans/test3.jmx")
                .contains("-l " + output.results("test3")).contains("-j " + output.log("test3"))
                .contains("-e -o " + output.dashboard("test3")).contains("-q " + layout.controllerProperties())
                .doesNotContain("-R").doesNotContain("-G");
    }

    @Test
    void aDistributedPlanStartsItsEnginesWithTheirPropertiesAndBoundedRmiCalls() {
        List<String> command = JMeterProcess.command(Path.of("java"), List.of("-Djava.rmi.server.hostname=10.231.1.1"),
                home, root.resolve("plans"), new PlannedRun("test4", List.of("10.231.1.11:1099", "10.231.1.12:1099")),
                layout, output);

        assertThat(command).containsSequence("-R", "10.231.1.11:1099,10.231.1.12:1099")
                .containsSequence("-G", layout.engineProperties().toString())
                .contains("-Djava.rmi.server.hostname=10.231.1.1",
                        "-Dsun.rmi.transport.tcp.responseTimeout=" + JMeterProcess.RMI_RESPONSE_TIMEOUT_MS,
                        "-Dsun.rmi.transport.tcp.handshakeTimeout=" + JMeterProcess.RMI_HANDSHAKE_TIMEOUT_MS);
        assertThat(command.indexOf("-Djava.rmi.server.hostname=10.231.1.1")).as("a JVM option, before -jar")
                .isLessThan(command.indexOf("-jar"));
    }
}
