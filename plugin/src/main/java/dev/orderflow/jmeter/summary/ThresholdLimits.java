package dev.orderflow.jmeter.summary;

import java.util.regex.Pattern;

/**
 * The pass/fail limits of a run; a null limit is off.
 *
 * @param minSuccessRatePct lowest acceptable orders created / orders attempted, in percent
 * @param maxErrorRatePct highest acceptable share of failed samples over all labels, in percent
 * @param maxMeanMs highest acceptable mean response time of each checked label
 * @param maxP95Ms highest acceptable 95th percentile response time of each checked label
 * @param labels the labels the time limits apply to; null means every label
 * @param maxLoginFailures most failed logins a run may have; never off, 0 unless a plan allows more
 */
public record ThresholdLimits(Double minSuccessRatePct, Double maxErrorRatePct, Double maxMeanMs, Double maxP95Ms,
        Pattern labels, long maxLoginFailures) {

    public static final ThresholdLimits NONE = new ThresholdLimits(null, null, null, null, null);

    /** Limits that allow no failed login. */
    public ThresholdLimits(Double minSuccessRatePct, Double maxErrorRatePct, Double maxMeanMs, Double maxP95Ms,
            Pattern labels) {
        this(minSuccessRatePct, maxErrorRatePct, maxMeanMs, maxP95Ms, labels, 0);
    }

    /** True when the limit on response times applies to this label. */
    public boolean checksLabel(String label) {
        return labels == null || labels.matcher(label).matches();
    }

    /** How the checked labels are named in a threshold's name: the pattern, or {@code all} labels. */
    public String labelsName() {
        return labels == null ? "all" : labels.pattern();
    }
}
