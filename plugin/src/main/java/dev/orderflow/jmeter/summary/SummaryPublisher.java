package dev.orderflow.jmeter.summary;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import org.slf4j.Logger;

import dev.orderflow.jmeter.element.StartRefusals;
import org.slf4j.LoggerFactory;

/**
 * Ends a run: reads the shop's statistics once more, checks the thresholds, writes summary.json and
 * summary.txt, and prints the summary and every failed check on the console.
 */
final class SummaryPublisher {

    private static final Logger log = LoggerFactory.getLogger(SummaryPublisher.class);

    static final String FILES_CHECK = "summary_files";

    private final AdminStatsClient shopStats;
    private final PrintStream console;

    SummaryPublisher(AdminStatsClient shopStats, PrintStream console) {
        this.shopStats = shopStats;
        this.console = console;
    }

    /**
     * @param hosts the engines that took part, as the controller saw them (1 outside distributed mode)
     * @return the summary; its verdict is fail when a check failed or the files could not be written
     */
    RunSummary publish(StartedRun run, int hosts) {
        return publish(run, hosts, List.of());
    }

    /**
     * @param hosts the engines that took part, as the controller saw them (1 outside distributed mode)
     * @param endings how the run ended when it did not end as JMeter ends a run (an engine lost, JMeter
     *        interrupted): failed checks added to the verdict
     * @return the summary; its verdict is fail when a check failed or the files could not be written
     */
    RunSummary publish(StartedRun run, int hosts, List<ThresholdResult> endings) {
        RunSettings settings = run.settings();
        RunCounts counts = run.recorder().counts();
        ShopCheck shop = settings.reconciles() ? reconcile(run, counts.funnel()) : null;
        RunSummary summary = RunSummary.of(settings, counts, Math.max(hosts, counts.engines()), shop,
                StartRefusals.ofCurrentTest());
        for (ThresholdResult ending : endings) {
            summary = summary.withCheck(ending);
        }
        String text = SummaryText.render(summary);
        console.print(text);
        log.info("{}{}", System.lineSeparator(), text);
        String notWritten = write(settings, summary);
        if (notWritten != null) {
            // a missing summary.json must not pass for a passed run
            summary = summary.withCheck(ThresholdResult.failed(FILES_CHECK, notWritten));
        }
        for (ThresholdResult failure : summary.failures()) {
            console.println("Order summary: threshold failed: " + failure.describe());
        }
        console.println("Order summary: verdict " + summary.verdict()
                + (notWritten == null ? ", written to " + settings.outputDir().resolve(SummaryFiles.JSON_FILE) : ""));
        return summary;
    }

    private ShopCheck reconcile(StartedRun run, FunnelCounts funnel) {
        ShopTarget shop = run.settings().shop();
        if (run.shopError() != null) {
            return ShopCheck.unreadable(shop, null, run.shopError());
        }
        try {
            ShopStats after = shopStats.fetch(shop);
            return ShopCheck.reconcile(shop, run.shopBefore(), after, funnel);
        } catch (ShopStatsException e) {
            return ShopCheck.unreadable(shop, run.shopBefore(), "at test end: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ShopCheck.unreadable(shop, run.shopBefore(),
                    "interrupted while reading the shop's statistics at test end");
        }
    }

    /** @return null when written, else why not */
    private String write(RunSettings settings, RunSummary summary) {
        try {
            SummaryFiles.write(settings.outputDir(), summary);
            return null;
        } catch (IOException | RuntimeException e) {
            String message = "could not write the summary into " + settings.outputDir() + ": " + e;
            log.error("Order summary listener '{}': {}", settings.elementName(), message, e);
            return message;
        }
    }
}
