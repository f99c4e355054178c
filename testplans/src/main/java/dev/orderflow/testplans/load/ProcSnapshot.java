package dev.orderflow.testplans.load;

import java.util.List;

/**
 * One reading of Linux's /proc: the machine's CPU counters and memory, and the CPU time and resident
 * memory of the watched process. Two snapshots a second apart give the CPU use over that second.
 *
 * @param timestampMillis wall-clock time of the reading
 * @param cpuBusyTicks    CPU time spent not idle, summed over all CPUs (first line of /proc/stat)
 * @param cpuTotalTicks   all CPU time, summed over all CPUs
 * @param memTotalKb      MemTotal of /proc/meminfo
 * @param memAvailableKb  MemAvailable of /proc/meminfo
 * @param processTicks    utime + stime of the watched process, or -1 when none is watched or it is gone
 * @param processRssKb    VmRSS of the watched process, or -1
 */
public record ProcSnapshot(
        long timestampMillis,
        long cpuBusyTicks,
        long cpuTotalTicks,
        long memTotalKb,
        long memAvailableKb,
        long processTicks,
        long processRssKb) {

    /** Linux's USER_HZ: the unit of the tick counts in /proc, 100 on every mainstream architecture. */
    static final int TICKS_PER_SECOND = 100;

    /** Reads the first line of /proc/stat: {@code cpu user nice system idle iowait irq softirq steal …}. */
    static long[] cpuTicks(List<String> procStat) {
        String[] fields = procStat.get(0).trim().split("\\s+");
        if (!fields[0].equals("cpu")) {
            throw new IllegalArgumentException("/proc/stat does not start with the cpu line: " + procStat.get(0));
        }
        long total = 0;
        // user nice system idle iowait irq softirq steal; guest time is already inside user and nice
        int counted = Math.min(fields.length, 9);
        for (int i = 1; i < counted; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
        return new long[] {total - idle, total};
    }

    /** Reads a {@code Name:   value kB} line of /proc/meminfo or /proc/PID/status. */
    static long kilobytes(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    /** utime + stime of /proc/PID/stat, read after the command name, which may itself hold spaces. */
    static long processTicks(String procPidStat) {
        String afterName = procPidStat.substring(procPidStat.lastIndexOf(')') + 2);
        String[] fields = afterName.split("\\s+");
        // afterName starts at field 3 (state); utime and stime are fields 14 and 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
