package dev.orderflow.jmeter.flow;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * What one orderflow thread group ran on one engine, against what its shape planned: the thread group's own
 * account, without which no verdict can say that the planned load happened.
 *
 * @param group the thread group's name
 * @param engine this engine's number, 0 … engines − 1
 * @param engines the engines of the run
 * @param plannedUsers this engine's share of the highest number of users the shape asked for
 * @param reachedUsers the most users this engine had running at once; for users that run a number of iterations
 *        and end, the users it started
 * @param ranToEnd whether the shape ran to its planned end (false when the run was stopped early)
 * @param stopReason why the shape did not run to its end, or null
 * @param seconds how long the group ran
 * @param startEpochMs when the group started following its shape (epoch ms), or 0 when it never did
 * @param stages the stages the shape asked for, as they came (cluster totals), in time order; empty when it never ran
 * @param iterationsPerUser the iterations each user runs before it ends; 0 when users loop until the shape ends
 * @param finishedUsers with iterations per user: the users that ran all their iterations rather than being stopped
 *        in one (by the run time's end, say)
 */
public record GroupLoad(String group, int engine, int engines, int plannedUsers, int reachedUsers, boolean ranToEnd,
        String stopReason, double seconds, long startEpochMs, List<PlannedStage> stages, int iterationsPerUser,
        int finishedUsers) implements Serializable {

    public GroupLoad {
        stages = List.copyOf(stages);
    }

    /** The account of a group that did not follow a shape (it could not start). */
    public GroupLoad(String group, int engine, int engines, int plannedUsers, int reachedUsers, boolean ranToEnd,
            String stopReason, double seconds) {
        this(group, engine, engines, plannedUsers, reachedUsers, ranToEnd, stopReason, seconds, 0, List.of(), 0, 0);
    }

    /**
     * True when the shape ran to its end and every planned user ran, and, where users run a number of iterations,
     * every planned user ran them all.
     */
    public boolean held() {
        return ranToEnd && reachedUsers >= plannedUsers && !usersCutShort();
    }

    /** Users with iterations were stopped before they ran them all (their run time ended first, say). */
    private boolean usersCutShort() {
        return iterationsPerUser > 0 && finishedUsers < plannedUsers;
    }

    /** Where this account comes from, for a person: {@code group 'users'} or {@code group 'users' on engine 2 of 4}. */
    public String where() {
        return "group '" + group + "'" + (engines > 1 ? " on engine " + (engine + 1) + " of " + engines : "");
    }

    /** One sentence for a person: what ran, and what went wrong if anything did. */
    public String describe() {
        String users = reachedUsers + " of " + plannedUsers + " planned users ran";
        String time = String.format(Locale.ROOT, "%.1f s", seconds);
        if (!ranToEnd) {
            return where() + ": stopped after " + time + ", before the shape's end: " + stopReason + " (" + users + ")";
        }
        if (reachedUsers < plannedUsers) {
            return where() + ": the shape ran to its end in " + time + " but only " + users;
        }
        if (usersCutShort()) {
            return where() + ": the shape ran to its end in " + time + " but only " + finishedUsers + " of "
                    + plannedUsers + " planned users ran their " + iterationsPerUser
                    + (iterationsPerUser == 1 ? " iteration" : " iterations") + "; the others were stopped in one";
        }
        return where() + ": the shape ran to its end in " + time + ", " + users;
    }
}
