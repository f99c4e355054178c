package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which engines a controller starts, read from its command line as the JVM gives it. */
class ControllerClusterTest {

    private static final Map<String, String> REMOTE_HOSTS = Map.of("remote_hosts", "10.0.0.1:1099,10.0.0.2:1099");

    @Test
    void theRemoteStartListInAnyOfItsSpellings() {
        assertThat(ControllerCluster.engines(
                "/j/bin/ApacheJMeter-5.6.3.jar -n -t a.jmx -R 10.0.0.1:1099,10.0.0.2:1099 -G g",
                REMOTE_HOSTS::get)).containsExactly("10.0.0.1:1099", "10.0.0.2:1099");
        assertThat(ControllerCluster.engines("org.apache.jmeter.NewDriver -n -R127.0.0.1:4000", REMOTE_HOSTS::get))
                .containsExactly("127.0.0.1:4000");
        assertThat(ControllerCluster.engines("x.jar -n --remotestart=a:1,b:2", REMOTE_HOSTS::get))
                .containsExactly("a:1", "b:2");
    }

    @Test
    void remoteHostsUnderDashLowerR() {
        assertThat(ControllerCluster.engines("x.jar -n -t a.jmx -r", REMOTE_HOSTS::get))
                .containsExactly("10.0.0.1:1099", "10.0.0.2:1099");
        assertThat(ControllerCluster.engines("x.jar -n -t a.jmx -r", name -> null)).containsExactly("127.0.0.1");
    }

    @Test
    void noneForALocalRunOrAnEngine() {
        assertThat(ControllerCluster.engines("x.jar -n -t a.jmx -l r.csv", REMOTE_HOSTS::get)).isEmpty();
        assertThat(ControllerCluster.engines("x.jar -s -j engine.log", REMOTE_HOSTS::get)).isEmpty();
        assertThat(ControllerCluster.engines(null, REMOTE_HOSTS::get)).isEmpty();
    }
}
