package dev.orderflow.jmeter.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name the way the plan says (JMeter's DNS Cache Manager: static hosts, own DNS servers). */
@FunctionalInterface
public interface HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;
}
