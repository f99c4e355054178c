package dev.orderflow.testplans.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MarkersTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aHostIsAskedToStopWhenTheBuildThatStartedItIsGone(@TempDir Path runDir) throws Exception {
        Markers markers = new Markers(runDir, "run-host");
        Process build = new ProcessBuilder("sleep", "1").start();

        markers.stopWhenEnded(build.toHandle());
        assertThat(Files.exists(markers.stopFile())).as("not while the build runs").isFalse();
        markers.awaitStopRequest();

        assertThat(build.isAlive()).isFalse();
        assertThat(markers.stopFile()).exists();
    }
}
