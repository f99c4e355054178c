package dev.orderflow.jmeter.summary;

import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;

import org.apache.jmeter.rmi.RmiUtils;

/**
 * Asks an engine's RMI registry whether it is there, the way the controller reaches it: with JMeter's own client
 * socket factory, so over SSL when the run uses SSL. A killed engine refuses the connection at once; a hung one
 * does not answer, which the {@link EngineWatch} bounds.
 */
final class EngineProbe implements EngineWatch.Probe {

    @Override
    public void ask(String hostAndPort) throws Exception {
        int colon = hostAndPort.lastIndexOf(':');
        String host = colon > 0 ? hostAndPort.substring(0, colon) : hostAndPort;
        int port = colon > 0 ? Integer.parseInt(hostAndPort.substring(colon + 1)) : RmiUtils.DEFAULT_RMI_PORT;
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        Registry registry = LocateRegistry.getRegistry(host, port, RmiUtils.createClientSocketFactory());
        registry.list();
    }
}
