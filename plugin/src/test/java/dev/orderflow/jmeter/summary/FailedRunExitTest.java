package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class FailedRunExitTest {

    @Test
    void exitsWithOneOnlyAfterEveryWatchedThreadHasEndedIncludingThoseStartedOnTheWay() throws Exception {
        CountDownLatch finishReport = new CountDownLatch(1);
        CountDownLatch finishStopper = new CountDownLatch(1);
        Thread stopper = new Thread(() -> await(finishStopper), "test-RemoteTestStopper");
        Thread engine = new Thread(() -> {
            await(finishReport);
            stopper.start(); // like JMeter's controller: a new thread begins as the old one ends
        }, "test-StandardJMeterEngine");
        engine.start();
        CompletableFuture<Integer> exit = new CompletableFuture<>();

        Thread waiter = FailedRunExit.start(thread -> thread.getName().startsWith("test-"), exit::complete);

        assertThat(waiter.getName()).isEqualTo(FailedRunExit.THREAD_NAME);
        assertThat(waiter.isDaemon()).isFalse();
        assertThat(exit).isNotDone();
        finishReport.countDown();
        engine.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(exit).isNotDone(); // the stopper still runs
        finishStopper.countDown();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(stopper.isAlive()).isFalse();
    }

    @Test
    void anInterruptedWaitStillExitsWithOne() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Thread stuck = new Thread(() -> await(never), "stuck-forever");
        stuck.start();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        try {
            Thread waiter = FailedRunExit.start(thread -> thread.getName().equals("stuck-forever"), exit::complete);
            waiter.interrupt();

            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            never.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
