package dev.orderflow.jmeter.threads.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlotPoolTest {

    @Test
    void aNewUserTakesTheLowestFreeSlot() {
        SlotPool slots = new SlotPool();
        assertThat(slots.acquire()).isZero();
        assertThat(slots.acquire()).isEqualTo(1);
        assertThat(slots.acquire()).isEqualTo(2);

        slots.release(1);
        slots.release(0);

        assertThat(slots.inUse()).isEqualTo(1);
        assertThat(slots.acquire()).isZero();
        assertThat(slots.acquire()).isEqualTo(1);
        assertThat(slots.acquire()).isEqualTo(3);
    }
}
