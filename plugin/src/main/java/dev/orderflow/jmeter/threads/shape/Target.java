package dev.orderflow.jmeter.threads.shape;

/**
 * What the shape asks for at a moment: this many concurrent users, reached at this spawn rate (users per
 * second of the run).
 */
public record Target(int users, double spawnRate) {
}
