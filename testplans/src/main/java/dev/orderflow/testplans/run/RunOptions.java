package dev.orderflow.testplans.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options a user gives a run on the Maven command line ({@code -Dplan=test3 -Dengines=4 …}), as the
 * build hands them to {@link RunPlans}: {@code --name=value}, an empty value meaning "not given".
 *
 * <ul>
 *   <li>{@code plan}: empty runs every plan at CI scale; a plan name runs that plan at full scale;
 *       {@code all} runs every plan at full scale.</li>
 *   <li>{@code host}, {@code port}, {@code protocol}, {@code admin_key}: the shop under test; without a
 *       host the reference shop is started on a free port with a fresh admin key. The admin key comes in the
 *       environment, never on a command line ({@link #withAdminKey}).</li>
 *   <li>{@code engines}: run the chosen plans on this many loopback engines (default 4 for the plans the
 *       table runs distributed).</li>
 *   <li>{@code remote}: run the chosen plans on these already started engines, {@code host:port,…}.</li>
 *   <li>{@code scale}, {@code duration}, {@code timescale}: passed through to the plans.</li>
 *   <li>{@code rmi_host}: the address real engines reach the controller at, when its host name does not
 *       resolve to it.</li>
 * </ul>
 */
public record RunOptions(
        Optional<String> plan,
        Optional<String> host,
        Optional<Integer> port,
        Optional<String> protocol,
        Optional<String> adminKey,
        Optional<Integer> engines,
        List<String> remote,
        Optional<String> scale,
        Optional<String> duration,
        Optional<String> timescale,
        Optional<String> rmiHost) {

    /** The environment variable the build hands {@code -Dadmin_key} over in. */
    public static final String BUILD_ADMIN_KEY = "ORDERFLOW_RUN_ADMIN_KEY";
    /** The environment variable a user may keep their shop's admin key in instead of {@code -Dadmin_key}. */
    public static final String USER_ADMIN_KEY = "ORDERFLOW_ADMIN_KEY";

    private static final Set<String> NAMES = Set.of(
            "plan", "host", "port", "protocol", "admin_key", "engines", "remote", "scale", "duration", "timescale",
            "rmi_host");

    /** Reads the run options out of {@code --name=value} arguments, ignoring the host's own ones. */
    public static RunOptions parse(Map<String, String> arguments) {
        Map<String, String> given = new LinkedHashMap<>();
        arguments.forEach((name, value) -> {
            if (NAMES.contains(name) && value != null && !value.isBlank()) {
                given.put(name, value.trim());
            }
        });
        Optional<String> protocol = Optional.ofNullable(given.get("protocol"));
        protocol.ifPresent(RunOptions::requireHttpOrHttps);
        RunOptions options = new RunOptions(
                Optional.ofNullable(given.get("plan")),
                Optional.ofNullable(given.get("host")),
                positiveInt(given, "port"),
                protocol,
                Optional.ofNullable(given.get("admin_key")),
                positiveInt(given, "engines"),
                remoteList(given.get("remote")),
                number(given, "scale"),
                number(given, "duration"),
                number(given, "timescale"),
                Optional.ofNullable(given.get("rmi_host")));
        if (options.engines.isPresent() && !options.remote.isEmpty()) {
            throw new IllegalArgumentException(
                    "-Dengines starts loopback engines and -Dremote names engines already running: give one of them");
        }
        if (options.host.isEmpty() && (options.port.isPresent() || options.adminKey.isPresent())) {
            throw new IllegalArgumentException(
                    "-Dport and -Dadmin_key point at your own shop: give -Dhost too (without -Dhost the reference shop "
                            + "is started)");
        }
        return options;
    }

    /**
     * The arguments plus {@code admin_key} from the environment: the build passes {@code -Dadmin_key} in
     * {@value #BUILD_ADMIN_KEY}, as a process's command line is visible to every user of the machine and its
     * environment only to its owner; without it the user's own {@value #USER_ADMIN_KEY} is the key of the shop
     * {@code -Dhost} names (the reference shop, started without {@code -Dhost}, gets a fresh key instead).
     */
    public static Map<String, String> withAdminKey(Map<String, String> arguments, Map<String, String> environment) {
        Map<String, String> all = new LinkedHashMap<>(arguments);
        String fromBuild = environment.get(BUILD_ADMIN_KEY);
        String fromUser = environment.get(USER_ADMIN_KEY);
        String host = arguments.get("host");
        if (fromBuild != null && !fromBuild.isBlank()) {
            all.put("admin_key", fromBuild);
        } else if (fromUser != null && !fromUser.isBlank() && host != null && !host.isBlank()) {
            all.put("admin_key", fromUser);
        }
        return all;
    }

    /** Splits {@code --name=value} arguments. */
    public static Map<String, String> arguments(String[] args) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            map.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return map;
    }

    /** True when no plan is named: every plan runs at CI scale. */
    public boolean ciScale() {
        return plan.isEmpty();
    }

    /** True when the reference shop is started for the run. */
    public boolean embeddedShop() {
        return host.isEmpty();
    }

    private static Optional<Integer> positiveInt(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return Optional.of(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException("-D" + name + " must be a positive whole number, got '" + value + "'");
    }

    private static Optional<String> number(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            if (Double.parseDouble(value) > 0) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException("-D" + name + " must be a positive number, got '" + value + "'");
    }

    private static List<String> remoteList(String value) {
        List<String> engines = new ArrayList<>();
        if (value == null) {
            return engines;
        }
        for (String engine : value.split(",")) {
            String trimmed = engine.trim();
            if (!trimmed.matches("[^:\\s]+:\\d{1,5}")) {
                throw new IllegalArgumentException("-Dremote wants host:port,host:port…, got '" + trimmed + "'");
            }
            engines.add(trimmed);
        }
        return List.copyOf(engines);
    }

    private static void requireHttpOrHttps(String protocol) {
        if (!protocol.equals("http") && !protocol.equals("https")) {
            throw new IllegalArgumentException("-Dprotocol must be http or https, got '" + protocol + "'");
        }
    }
}
