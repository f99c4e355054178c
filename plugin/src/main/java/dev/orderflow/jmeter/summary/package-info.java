/**
 * The order summary listener ({@link dev.orderflow.jmeter.summary.OrderSummaryListener}, "OrderFlow Order
 * Summary" in the Listeners menu) and what it produces.
 *
 * <p><b>Counts.</b> From the marks on {@link dev.orderflow.jmeter.flow.OrderFlowSampleResult}s: login failures,
 * orders attempted (samples with attemptStart), created (successful ORDER), unknown (ORDER with outcomeUnknown),
 * cart failures (failed CART), failed = attempted − created − unknown, rejections (failed ORDER by response code)
 * and the success rate created / attempted. From every sample of every sampler: count, errors, exact mean and max,
 * and HdrHistogram percentiles (1 ms to 1 h, three significant digits) per label.
 *
 * <p><b>Output.</b> At the end of the run: the table headed {@code Order Concurrency Test Results} on the console,
 * and {@code summary.json} and {@code summary.txt} in the summary folder. Rates in summary.json are percentages.
 *
 * <p><b>Checks.</b> Thresholds (min success rate, max error rate, max mean and max p95 per label or label pattern)
 * and, with an admin key, the reconciliation with {@code GET /api/admin/stats}: the shop's growth in orders must lie
 * within [created, created + unknown] and its stock must add up. Any failed check makes the verdict {@code fail};
 * a non-GUI JMeter then ends with exit status 1 once its results file and HTML report are complete (JMeter property
 * {@code orderflow.summary.exit_on_failure=false} keeps 0), and {@link dev.orderflow.jmeter.summary.VerdictCheck}
 * checks summary.json from a build.
 *
 * <p><b>Distributed mode.</b> The listener is Remoteable: it stays on the controller, which receives every engine's
 * samples, and writes one summary for the cluster when the last engine has ended.
 */
package dev.orderflow.jmeter.summary;
