package io.streamlake.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightWindowTest {

    @Test
    void givenFullWindow_thenReaderResumesOnlyOnceAQuarterIsFree() throws Exception {
        InFlightWindow window = new InFlightWindow(8);
        for (int i = 0; i < 8; i++) {
            window.acquire();
        }
        CompletableFuture<Void> ninth = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            window.acquire();
            ninth.complete(null);
        });
        reader.start();
        while (reader.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }

        window.release();
        assertThat(waitsFor(ninth, 200))
                .as("7 of 8 taken: still full enough to wait")
                .isFalse();
        window.release();
        ninth.get(10, TimeUnit.SECONDS);
    }

    @Test
    void givenFullWindowWithOneSlotBackBeforeTheReaderLooks_thenItStillWaitsForAQuarter() throws Exception {
        InFlightWindow window = new InFlightWindow(8);
        for (int i = 0; i < 8; i++) {
            window.acquire();
        }
        window.release(); // 7 of 8 taken when the reader next looks
        CompletableFuture<Void> ninth = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            window.acquire();
            ninth.complete(null);
        });
        reader.start();

        assertThat(waitsFor(ninth, 200))
                .as("a single free slot: the reader waits for a quarter (2 of 8)")
                .isFalse();
        window.release();
        ninth.get(10, TimeUnit.SECONDS);
    }

    @Test
    void givenManyReleasingThreads_thenNeverMoreThanMaxOutstandingAndAwaitEmptyReturnsAtZero() throws Exception {
        InFlightWindow window = new InFlightWindow(16);
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ExecutorService releasers = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < 20_000; i++) {
                window.acquire();
                peak.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
                releasers.execute(() -> {
                    outstanding.decrementAndGet();
                    window.release();
                });
            }
            window.awaitEmpty();
            assertThat(outstanding).hasValue(0);
            assertThat(peak.get()).isBetween(1, 16);
        } finally {
            releasers.shutdownNow();
        }
    }

    @Test
    void givenZeroSlots_thenRefused() {
        assertThatThrownBy(() -> new InFlightWindow(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean waitsFor(CompletableFuture<Void> f, long millis) throws InterruptedException {
        Thread.sleep(millis);
        return f.isDone();
    }
}
