package dev.orderflow.jmeter.summary;

/**
 * A run as it started: its settings, its live counts, and the shop's statistics read at test start.
 *
 * @param settings the listener's settings for this run
 * @param recorder where every sample of the run is counted
 * @param shopBefore the shop's statistics at test start, or null when reconciliation is off or they could not be read
 * @param shopError why the statistics could not be read at test start, or null
 */
public record StartedRun(RunSettings settings, RunRecorder recorder, ShopStats shopBefore, String shopError) {
}
