package dev.orderflow.jmeter.summary;

import java.nio.file.Path;

/**
 * The resolved and checked settings of one order summary listener for one run.
 *
 * @param elementName the listener's name in the plan
 * @param outputDir the folder summary.json and summary.txt go to; it exists and is writable
 * @param plan the plan's name as the summary reports it, or empty
 * @param limits the pass/fail thresholds
 * @param shop where to read the shop's counts, or null when reconciliation is off
 */
public record RunSettings(String elementName, Path outputDir, String plan, ThresholdLimits limits, ShopTarget shop) {

    public boolean reconciles() {
        return shop != null;
    }
}
