/**
 * The cluster split: which engine of a distributed run this JVM is ({@link EngineLocator}), its share of the
 * cluster-wide users and spawn rate and its users' cluster-unique numbers ({@link EngineShare}), and how its
 * account of the load reaches the controller ({@link LoadReportSender}). A plan's numbers are cluster totals, so
 * that the same plan runs on one JMeter or on many; only this package knows how they are divided.
 */
package dev.orderflow.jmeter.threads.cluster;
