package dev.orderflow.jmeter.threads.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.orderflow.jmeter.threads.UserTimeline;

class UserThreadsTest {

    private static final boolean JAVA_21_OR_NEWER = Runtime.version().feature() >= 21;

    @Test
    void virtualThreadsAreUsedExactlyWhenWantedAndTheJvmHasThem() throws InterruptedException {
        UserThreads wanted = UserThreads.choose(true);
        UserThreads notWanted = UserThreads.choose(false);

        assertThat(UserThreads.virtualThreadsAvailable()).isEqualTo(JAVA_21_OR_NEWER);
        assertThat(wanted.virtual()).isEqualTo(JAVA_21_OR_NEWER);
        assertThat(notWanted.virtual()).isFalse();
        assertThat(runsOnVirtualThread(wanted)).isEqualTo(JAVA_21_OR_NEWER);
        assertThat(runsOnVirtualThread(notWanted)).isFalse();
    }

    @Test
    void theDescriptionForTheLogSaysWhichThreadsAndWhichJava() {
        String java = "(Java " + Runtime.version().feature() + ")";
        assertThat(UserThreads.platform().describe()).isEqualTo("platform threads " + java);
        assertThat(UserThreads.choose(true).describe())
                .isEqualTo((JAVA_21_OR_NEWER ? "virtual threads " : "platform threads ") + java);
    }

    @Test
    void threadsCarryTheUsersName() {
        Thread thread = UserThreads.choose(true).newThread(() -> { }, "Orders 1-7");
        assertThat(thread.getName()).isEqualTo("Orders 1-7");
    }

    private static boolean runsOnVirtualThread(UserThreads threads) throws InterruptedException {
        AtomicBoolean virtual = new AtomicBoolean();
        Thread thread = threads.newThread(() -> virtual.set(UserTimeline.isVirtual(Thread.currentThread())), "probe");
        thread.start();
        thread.join();
        return virtual.get();
    }
}
