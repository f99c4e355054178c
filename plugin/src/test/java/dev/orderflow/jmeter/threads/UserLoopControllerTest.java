package dev.orderflow.jmeter.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.jmeter.control.LoopController;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orderflow.jmeter.testing.JMeterEnvironment;

class UserLoopControllerTest {

    @BeforeAll
    static void jmeter() {
        JMeterEnvironment.init();
    }

    @Test
    void aUserLoopsUntilStoppedUnlessGivenAnIterationCount() {
        UserLoopController loop = new UserLoopController();
        assertThat(loop.getLoops()).isEqualTo(LoopController.INFINITE_LOOP_COUNT);

        loop.limitIterations(3);

        assertThat(loop.getLoops()).isEqualTo(3);
        assertThatThrownBy(() -> loop.limitIterations(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRetiredUserEndsAtTheNextIterationBoundaryAndCannotBeKeptAfterwards() {
        UserLoopController loop = userLoopOver(PausingSampler.pausing(1), PausingSampler.pausing(2));
        assertThat(loop.next()).isNotNull();

        assertThat(loop.retire()).isTrue();
        assertThat(loop.retire()).as("already retiring").isFalse();
        assertThat(loop.next()).as("the iteration goes on").isNotNull();
        assertThat(loop.next()).as("at the boundary the user ends").isNull();

        assertThat(loop.isDone()).isTrue();
        assertThat(loop.keep()).as("too late: it has ended").isFalse();
    }

    @Test
    void aRetirementCanBeTakenBackBeforeTheUserActsOnIt() {
        UserLoopController loop = userLoopOver(PausingSampler.pausing(1));

        assertThat(loop.retire()).isTrue();
        assertThat(loop.keep()).isTrue();
        assertThat(loop.keep()).isFalse();

        assertThat(loop.next()).isNotNull();
        assertThat(loop.isDone()).isFalse();
    }

    private static UserLoopController userLoopOver(PausingSampler... samplers) {
        UserLoopController loop = new UserLoopController();
        for (PausingSampler sampler : samplers) {
            loop.addTestElement(sampler);
        }
        loop.initialize();
        return loop;
    }
}
