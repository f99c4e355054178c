package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orderflow.jmeter.flow.GroupLoad;
import dev.orderflow.jmeter.flow.PlannedStage;

class PlannedLoadTest {

    private static final List<PlannedStage> STEPPED = List.of(
            new PlannedStage(5, 0, 1, 3, 5), new PlannedStage(15, 3, 5, 9, 5), new PlannedStage(50, 9, 16, 30, 5));

    private static GroupLoad report(String group, int engine, int engines, int planned, List<PlannedStage> stages) {
        return new GroupLoad(group, engine, engines, planned, planned, true, null, 30, 1_700_000_000_000L, stages,
                0, 0);
    }

    @Test
    void theUsersAreTheShapesPeakAndTheSpawnRateItsFirstStages() {
        PlannedLoad planned = PlannedLoad.of(List.of(report("users", 0, 1, 50, STEPPED)));

        assertThat(planned).isEqualTo(new PlannedLoad(50, 5.0, null));
    }

    @Test
    void theEnginesOfADistributedRunTellTheClusterTotalsOnce() {
        // engine 2's report alone already knows the cluster's 50 users: a lost engine's share is not missing
        PlannedLoad planned = PlannedLoad.of(List.of(report("users", 0, 3, 17, STEPPED),
                report("users", 2, 3, 16, STEPPED)));

        assertThat(planned).isEqualTo(new PlannedLoad(50, 5.0, null));
    }

    @Test
    void severalGroupsAddUp() {
        List<PlannedStage> pages = List.of(new PlannedStage(100, 0, 10, 10, 10));

        PlannedLoad planned = PlannedLoad.of(List.of(report("users", 0, 1, 50, STEPPED),
                report("pages", 0, 1, 100, pages)));

        assertThat(planned).isEqualTo(new PlannedLoad(150, 15.0, null));
    }

    @Test
    void withoutReportsOrWithGroupsThatNeverStartedTheLoadIsUnknown() {
        assertThat(PlannedLoad.of(List.of())).isEqualTo(PlannedLoad.UNKNOWN);
        assertThat(PlannedLoad.of(List.of(new GroupLoad("users", 0, 1, 0, 0, false, "it could not start", 0))))
                .isEqualTo(PlannedLoad.UNKNOWN);
    }
}
