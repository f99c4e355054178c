package dev.orderflow.jmeter.threads.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orderflow.jmeter.threads.shape.ShapeDefinitionException;

class EngineLocatorTest {

    /** This machine, as far as these tests go: loopback and 10.0.0.5. */
    private static final Predicate<String> THIS_MACHINE = Set.of("127.0.0.1", "localhost", "10.0.0.5")::contains;

    @ParameterizedTest(name = "{0} on port {2} (rmi host {3}, explicit {1}) is engine {4} of {5}")
    @CsvSource(nullValues = "null", value = {
            // engines list, explicit, own port, rmi host, engine, engines
            "'127.0.0.1:1099,127.0.0.1:1100',             null, 1100, 127.0.0.1, 1, 2",
            "'127.0.0.1:1099, 127.0.0.1:1100',            null, 1099, 127.0.0.1, 0, 2",
            "'10.0.0.4:1099,10.0.0.5:1099,10.0.0.6:1099', null, 1099, null,      1, 3",
            "'load-a:1099,load-b:1099',                   null, 1099, LOAD-B,    1, 2",
            "'[::1]:1099,127.0.0.1:2000',                 null, 2000, null,      1, 2",
            "'gw.example:4000,gw.example:4001',           null, 4001, null,      1, 2",
            "'10.0.0.4:1099,10.0.0.5:1099',               1,    7777, null,      1, 2",
            "'10.0.0.4:1099,10.0.0.5:1099',               ' 0', 1099, 10.0.0.5,  0, 2",
    })
    void anEngineFindsItsPlaceByPortAndHost(String engines, String explicit, int ownPort, String rmiHost,
                                            int engine, int engineCount) {
        assertThat(EngineLocator.locate(engines, explicit, ownPort, rmiHost, THIS_MACHINE))
                .isEqualTo(new EngineShare(engine, engineCount));
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            "127.0.0.1:1099,127.0.0.1:1100 | null | 1200 | 127.0.0.1 | "
                    + "orderflow.engines: this engine (127.0.0.1:1200) is not in '127.0.0.1:1099,127.0.0.1:1100';"
                    + " pass the controller's -R list with -Gorderflow.engines=…,"
                    + " or set -Jorderflow.engine=N on each engine",
            "127.0.0.1:1099,localhost:1099 | null | 1099 | null      | "
                    + "orderflow.engines: this engine (this host:1099) matches several entries of"
                    + " '127.0.0.1:1099,localhost:1099'; pass the controller's -R list with -Gorderflow.engines=…,"
                    + " or set -Jorderflow.engine=N on each engine",
            "10.0.0.4:1099                 | 3    | 1099 | null      | "
                    + "orderflow.engine: must be from 0 to 0 for the 1 engines of orderflow.engines, got 3",
            "10.0.0.4:1099                 | one  | 1099 | null      | "
                    + "orderflow.engine: must be a whole number, got 'one'",
            "10.0.0.4                      | null | 1099 | null      | "
                    + "orderflow.engines: entry '10.0.0.4' must be host:port",
            "10.0.0.4:http                 | null | 1099 | null      | "
                    + "orderflow.engines: entry '10.0.0.4:http' must be host:port",
            "' , '                         | null | 1099 | null      | 'orderflow.engines: lists no engine: '' , '''",
    })
    void anEngineThatCannotFindItsPlaceRefusesToStartSayingWhatToSet(String engines, String explicit, int ownPort,
                                                                      String rmiHost, String message) {
        assertThatThrownBy(() -> EngineLocator.locate(engines, explicit, ownPort, rmiHost, THIS_MACHINE))
                .isInstanceOf(ShapeDefinitionException.class)
                .hasMessage(message);
    }
}
