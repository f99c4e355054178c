package dev.orderflow.testplans.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The "Total" row of the dashboard's statistics table (statistics.json beside its index.html): the figures
 * the index shows are the ones the dashboard shows. With jmeter.reportgenerator.statistic_window=-1 the
 * percentiles are over every sample of the run.
 */
public record DashboardStatistics(long samples, double errorPct, double meanMs, double p95Ms, double throughput) {

    public static Optional<DashboardStatistics> read(Path dashboard) throws IOException {
        Path file = dashboard.resolve("statistics.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode total = new ObjectMapper().readTree(file.toFile()).path("Total");
        if (total.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new DashboardStatistics(
                total.path("sampleCount").asLong(),
                total.path("errorPct").asDouble(),
                total.path("meanResTime").asDouble(),
                // pct2ResTime is the second percentile column, 95 unless aggregate_rpt_pct2 says otherwise
                total.path("pct2ResTime").asDouble(),
                total.path("throughput").asDouble()));
    }
}
