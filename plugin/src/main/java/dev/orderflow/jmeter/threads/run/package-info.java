/**
 * The runner: one run of a thread group on one engine ({@link GroupRun}). A starter thread follows the plan,
 * starting users at the spawn rate and retiring surplus ones, and each user runs on a thread of its own (virtual
 * where the JVM has them) until it ends, is retired or is stopped. It decides nothing about the load: what to run
 * comes from the plan and this engine's share of it, so the runner's one concern is doing it on time and stopping
 * cleanly.
 */
package dev.orderflow.jmeter.threads.run;
