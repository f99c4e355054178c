package dev.orderflow.jmeter.summary;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.orderflow.jmeter.threads.cluster.EngineShare;

/**
 * An engine of a distributed run that died or stopped answering before it ended its part of the run.
 *
 * @param host the engine as the controller's -R list names it, {@code host:port}
 * @param engine its number in the cluster, 0 … engines − 1, or −1 when the run's engine list does not name it
 * @param engines the engines of the run, or 0 when not known
 * @param lastAnswerMs when it last answered the controller (epoch ms)
 * @param lostAtMs when the controller gave up on it (epoch ms)
 * @param plannedUsers the users the plan gave it (engine k runs the users numbered k, k + engines, …), or −1 when
 *        the listener does not know the cluster's users
 * @param usersSeen the virtual users whose samples reached the controller from it: engines send samples in
 *        batches, so a lost engine's last ones are lost with it
 * @param cause the last error its probe met
 */
public record EngineLoss(String host, int engine, int engines, long lastAnswerMs, long lostAtMs, int plannedUsers,
        int usersSeen, String cause) {

    static final String CHECK_NAME = "engines";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /**
     * This loss with the users the plan gave the engine, from the cluster's users: a loss noticed before any
     * load report came in does not know them yet, the summary at the run's end may.
     *
     * @param clusterUsers the users of the whole cluster, or null when still unknown
     */
    EngineLoss knowingClusterUsers(Integer clusterUsers) {
        if (plannedUsers >= 0 || clusterUsers == null || engine < 0 || engine >= engines) {
            return this;
        }
        return new EngineLoss(host, engine, engines, lastAnswerMs, lostAtMs,
                new EngineShare(engine, engines).users(clusterUsers), usersSeen, cause);
    }

    /** One sentence for a person: which engine, since when, and what it carried. */
    public String describe() {
        String which = engine >= 0 && engines > 0
                ? "engine " + (engine + 1) + " of " + engines + " (" + host + ")"
                : "engine " + host;
        return which + " lost at " + CLOCK.format(Instant.ofEpochMilli(lostAtMs)) + " UTC: no answer since "
                + CLOCK.format(Instant.ofEpochMilli(lastAnswerMs)) + " UTC (" + cause + "); "
                + (plannedUsers >= 0 ? "it carried " + plannedUsers + " user(s), " + usersSeen + " of whom" : usersSeen
                + " user(s)") + " had samples reach the controller before it was lost";
    }


    /** The failed check that names every lost engine. */
    static ThresholdResult check(List<EngineLoss> losses) {
        return ThresholdResult.failed(CHECK_NAME,
                String.join("; ", losses.stream().map(EngineLoss::describe).toList()));
    }
}
