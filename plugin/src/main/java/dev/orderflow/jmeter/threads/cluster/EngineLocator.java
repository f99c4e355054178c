package dev.orderflow.jmeter.threads.cluster;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.apache.jmeter.rmi.RmiUtils;
import org.apache.jmeter.util.JMeterUtils;

import dev.orderflow.jmeter.threads.shape.ShapeDefinitionException;

/**
 * Finds this engine's place in a distributed run.
 *
 * <p>The controller passes its {@code -R} list to every engine as {@code -Gorderflow.engines=host:port,…}.
 * An engine is the entry whose port is its RMI registry port ({@code server_port}) and whose host is this
 * machine (its {@code java.rmi.server.hostname}, or one of its addresses). {@code orderflow.engine} set on an
 * engine overrides the search. Without {@code orderflow.engines} the run is on one JMeter.
 */
public final class EngineLocator {

    /** JMeter property naming the engines of a distributed run, as the controller's -R list: {@code host:port,…}. */
    public static final String ENGINES_PROPERTY = "orderflow.engines";
    /** JMeter property that fixes this engine's number (0 … engines − 1) instead of finding it in the list. */
    public static final String ENGINE_PROPERTY = "orderflow.engine";

    private EngineLocator() {
    }

    /** This JVM's place, from JMeter's properties and this machine's addresses. */
    public static EngineShare fromJMeterProperties() {
        String engines = JMeterUtils.getProperty(ENGINES_PROPERTY);
        if (engines == null || engines.isBlank()) {
            return EngineShare.SINGLE;
        }
        String explicit = JMeterUtils.getProperty(ENGINE_PROPERTY);
        String rmiHost = System.getProperty("java.rmi.server.hostname");
        return locate(engines, explicit, RmiUtils.getRmiRegistryPort(), rmiHost, EngineLocator::isLocalAddress);
    }

    /**
     * @param engines   the {@code orderflow.engines} list, host:port entries separated by commas
     * @param explicit  the {@code orderflow.engine} property, or null
     * @param ownPort   this engine's RMI registry port
     * @param rmiHost   this engine's {@code java.rmi.server.hostname}, or null
     * @param localHost whether a host name is one of this machine's
     */
    static EngineShare locate(String engines, String explicit, int ownPort, String rmiHost,
                              Predicate<String> localHost) {
        String listName = ENGINES_PROPERTY;
        List<Endpoint> endpoints = parse(engines);
        if (explicit != null && !explicit.isBlank()) {
            String name = ENGINE_PROPERTY;
            int engine;
            try {
                engine = Integer.parseInt(explicit.trim());
            } catch (NumberFormatException e) {
                throw new ShapeDefinitionException(name, "must be a whole number, got '" + explicit + "'", e);
            }
            if (engine < 0 || engine >= endpoints.size()) {
                throw new ShapeDefinitionException(name, "must be from 0 to " + (endpoints.size() - 1)
                        + " for the " + endpoints.size() + " engines of " + listName + ", got " + engine);
            }
            return new EngineShare(engine, endpoints.size());
        }
        List<Integer> samePort = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            if (endpoints.get(i).port() == ownPort) {
                samePort.add(i);
            }
        }
        List<Integer> sameHost = new ArrayList<>();
        for (int i : samePort) {
            String host = endpoints.get(i).host();
            if ((rmiHost != null && rmiHost.equalsIgnoreCase(host)) || localHost.test(host)) {
                sameHost.add(i);
            }
        }
        // Behind NAT the controller may know this engine by a name this machine does not: a port that
        // appears once in the list is then enough.
        List<Integer> matches = !sameHost.isEmpty() ? sameHost : samePort;
        if (matches.size() == 1) {
            return new EngineShare(matches.get(0), endpoints.size());
        }
        String self = (rmiHost == null ? "this host" : rmiHost) + ":" + ownPort;
        String problem = matches.isEmpty()
                ? "this engine (" + self + ") is not in '" + engines + "'"
                : "this engine (" + self + ") matches several entries of '" + engines + "'";
        throw new ShapeDefinitionException(listName, problem + "; pass the controller's -R list with -G"
                + listName + "=…, or set -J" + ENGINE_PROPERTY + "=N on each engine");
    }

    record Endpoint(String host, int port) {
    }

    static List<Endpoint> parse(String engines) {
        String listName = ENGINES_PROPERTY;
        List<Endpoint> endpoints = new ArrayList<>();
        for (String raw : engines.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new ShapeDefinitionException(listName, "entry '" + entry + "' must be host:port");
            }
            String host = entry.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(entry.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ShapeDefinitionException(listName, "entry '" + entry + "' must be host:port", e);
            }
            endpoints.add(new Endpoint(host.toLowerCase(Locale.ROOT), port));
        }
        if (endpoints.isEmpty()) {
            throw new ShapeDefinitionException(listName, "lists no engine: '" + engines + "'");
        }
        return endpoints;
    }

    private static boolean isLocalAddress(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isAnyLocalAddress()
                        || NetworkInterface.getByInetAddress(address) != null) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}
