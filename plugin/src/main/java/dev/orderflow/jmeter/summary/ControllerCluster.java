package dev.orderflow.jmeter.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The engines this JVM, a distributed run's non-GUI controller, starts: the {@code -R} list of its command line,
 * or JMeter's {@code remote_hosts} under {@code -r}. JMeter keeps the list to itself; the listener needs it to
 * watch the engines from their start, before any of them has called back.
 */
final class ControllerCluster {

    private ControllerCluster() {
    }

    /**
     * @param commandLine the JVM's command line as {@code sun.java.command} gives it (main class or jar, then
     *                    JMeter's arguments, split on spaces)
     * @param properties  JMeter's properties
     * @return the engines as JMeter names them ({@code host:port}), or empty when this JVM starts none
     */
    static List<String> engines(String commandLine, Function<String, String> properties) {
        if (commandLine == null || commandLine.isBlank()) {
            return List.of();
        }
        List<String> arguments = Arrays.asList(commandLine.trim().split("\\s+"));
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if ((argument.equals("-R") || argument.equals("--remotestart")) && i + 1 < arguments.size()) {
                return split(arguments.get(i + 1));
            }
            if (argument.startsWith("--remotestart=")) {
                return split(argument.substring("--remotestart=".length()));
            }
            if (argument.startsWith("-R") && argument.length() > 2) {
                return split(argument.substring(2));
            }
        }
        if (arguments.contains("-r") || arguments.contains("--runremote")) {
            String remoteHosts = properties.apply("remote_hosts");
            return split(remoteHosts == null ? "127.0.0.1" : remoteHosts);
        }
        return List.of();
    }

    private static List<String> split(String list) {
        List<String> engines = new ArrayList<>();
        for (String engine : list.split(",")) {
            if (!engine.isBlank()) {
                engines.add(engine.trim());
            }
        }
        return List.copyOf(engines);
    }
}
