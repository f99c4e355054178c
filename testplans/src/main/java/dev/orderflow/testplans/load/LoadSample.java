package dev.orderflow.testplans.load;

/**
 * The load machine over one second: CPU busy in percent of all its CPUs, memory in use, and the watched
 * process's share of the CPUs and its resident memory (negative when no process is watched).
 */
public record LoadSample(
        long timestampMillis,
        double cpuPercent,
        double memoryUsedMb,
        double memoryTotalMb,
        double processCpuPercent,
        double processRssMb) {

    public static final String CSV_HEADER =
            "timestamp_ms,cpu_percent,memory_used_mb,memory_total_mb,shop_cpu_percent,shop_rss_mb";

    /** The use between two readings. */
    public static LoadSample between(ProcSnapshot before, ProcSnapshot after) {
        long totalTicks = after.cpuTotalTicks() - before.cpuTotalTicks();
        long busyTicks = after.cpuBusyTicks() - before.cpuBusyTicks();
        double cpu = totalTicks <= 0 ? 0 : 100.0 * busyTicks / totalTicks;
        double processCpu = -1;
        if (after.processTicks() >= 0 && before.processTicks() >= 0 && totalTicks > 0) {
            // totalTicks counts every CPU, so this is the process's share of the whole machine
            processCpu = 100.0 * (after.processTicks() - before.processTicks()) / totalTicks;
        }
        return new LoadSample(
                after.timestampMillis(),
                round(cpu),
                round((after.memTotalKb() - after.memAvailableKb()) / 1024.0),
                round(after.memTotalKb() / 1024.0),
                round(processCpu),
                after.processRssKb() < 0 ? -1 : round(after.processRssKb() / 1024.0));
    }

    public String toCsv() {
        return timestampMillis + "," + cpuPercent + "," + memoryUsedMb + "," + memoryTotalMb + ","
                + processCpuPercent + "," + processRssMb;
    }

    public static LoadSample fromCsv(String line) {
        String[] f = line.split(",");
        return new LoadSample(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
