// Asked about once a second with the time since the start, in seconds of the shape
// (the time scale compresses the run, not these numbers).
// Return [users, spawnRate] for the whole cluster, or null to end the test.
def tick(elapsedSeconds) {
    if (elapsedSeconds < 60) return [100, 10]
    if (elapsedSeconds < 180) return [300, 10]
    if (elapsedSeconds < 300) return [100, 20]
    return null
}
