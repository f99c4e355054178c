package dev.orderflow.jmeter.threads.cluster;

import dev.orderflow.jmeter.threads.shape.Target;

/**
 * This engine's part of a cluster-wide load. Users are split evenly, the remainder going to the lowest
 * engine numbers; the spawn rate is split evenly, so the cluster spawns at the rate the shape asks for. User
 * slot {@code k} of engine {@code e} is cluster user {@code k × engines + e}, so the numbers of all engines
 * together are 0 … total − 1 with no two alike.
 */
public record EngineShare(int engine, int engines) {

    /** A run on one JMeter. */
    public static final EngineShare SINGLE = new EngineShare(0, 1);

    public EngineShare {
        if (engines < 1 || engine < 0 || engine >= engines) {
            throw new IllegalArgumentException(
                    "engine " + engine + " of " + engines + " is not a position in a cluster");
        }
    }

    public int users(int clusterUsers) {
        return clusterUsers / engines + (engine < clusterUsers % engines ? 1 : 0);
    }

    public double spawnRate(double clusterSpawnRate) {
        return clusterSpawnRate / engines;
    }

    public Target of(Target cluster) {
        return new Target(users(cluster.users()), spawnRate(cluster.spawnRate()));
    }

    /** The cluster-unique number of this engine's user in {@code slot}. */
    public int userNumber(int slot) {
        return slot * engines + engine;
    }
}
